package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class DeepLinksKitTest {
  private static final String LINK = "https://tt.me/tt_referral_bot/start/";

  @RegisterExtension
  static final BotTester bot = BotTester.of(ReferralBot.create());

  @Test
  void signedReferralLinkIsRoutedByItsType() {
    TestUser alice = bot.user("alice");
    alice.sends("/invite spring").expectAnyReply();
    String link = alice.lastReply().text();
    assertTrue(link.startsWith(LINK), link);
    String payload = link.substring(LINK.length());
    assertTrue(payload.length() <= 128, payload);

    bot.user("bob").startsWithLink(payload)
        .expectReply("Invited by " + alice.emulated().userId() + " for spring").expectNoMoreReplies();
  }

  @Test
  void forgedReferralIsRefusedWithADefinedReply() {
    TestUser alice = bot.user("alice2");
    alice.sends("/invite spring").expectAnyReply();
    String payload = alice.lastReply().text().substring(LINK.length());
    String[] parts = payload.split("\\.");
    String forgedBody = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("[666,\"spring\"]".getBytes(StandardCharsets.UTF_8));
    String forged = parts[0] + "." + parts[1] + "." + forgedBody + "." + parts[3];

    bot.user("mallory").startsWithLink(forged).expectReply("This link is not valid.").expectNoMoreReplies();
    bot.user("eve").startsWithLink(parts[0] + "." + parts[1] + "." + forgedBody)
        .expectReply("This link is not valid.").expectNoMoreReplies();
  }

  @Test
  void plainStartPayloadsStillReachTheirRoutes() {
    bot.user("carol").startsWithLink("promo42").expectReply("Welcome, promo42");
    bot.user("dave").starts().expectReply("Welcome");
  }

  @Test
  void encodingRefusesALinkThatWouldNotArrive() {
    TestUser alice = bot.user("alice3");
    alice.sends("/biginvite").expectReply(reply -> assertTrue(reply.text().startsWith(
        "refused: start payload of Referral[inviter=1") && reply.text().endsWith(
        "chars; TamTam drops deep-link payloads over 128"), reply.text()));
  }
}
