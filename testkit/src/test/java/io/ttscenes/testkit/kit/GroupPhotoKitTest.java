package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.Updates;
import io.ttscenes.api.model.AttachmentRequest;
import io.ttscenes.api.model.ChatType;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A member's photo in a group chat (the kit's {@code sendsPhoto}) can be sent again by its token,
 * a shared link (the kit's {@code sharesLink}) by its URL, and {@code ctx.chatType()} tells the group from the member's dialog over the emulator's wire.
 */
final class GroupPhotoKitTest {
  @RegisterExtension
  final BotTester bot = BotTester.of(Bot.builder("photos")
      .root(r -> r.onMessage(ctx -> {
        String where = ctx.chatType().map(ChatType::name).orElse("none") + ", dialog " + ctx.isDialog();
        if (ctx.isDialog()) {
          ctx.reply(where);
        } else {
          OutgoingMessage copy = OutgoingMessage.text(where);
          for (var attachment : Updates.attachments(ctx.update())) {
            copy = AttachmentRequest.resend(attachment).map(copy::attach).orElse(copy);
          }
          ctx.sendToUser(ctx.userId().orElseThrow(), copy);
        }
      }))
      .build());

  @Test
  void aMembersPhotoInAGroupIsSentAgainToTheirDialogByItsToken() {
    TestUser ann = bot.user("Ann");
    TestChat club = bot.groupChat("Club", ann);

    club.as(ann).sendsPhoto("our logo");
    String token = club.emulated().messages().get(club.emulated().messages().size() - 1).attachments().get(0)
        .path("payload").path("token").asText();
    ann.expectReply(r -> {
      assertEquals("CHAT, dialog false", r.text());
      assertEquals(Optional.of(token), r.message().attachments().stream()
          .map(a -> a.path("payload").path("token").asText()).findFirst());
    });
    ann.sends("hi").expectReply("DIALOG, dialog true").expectNoMoreReplies();
    club.expectNoMoreReplies();
  }

  @Test
  void aMembersSharedLinkInAGroupIsSentAgainByItsUrl() {
    TestUser ben = bot.user("Ben");
    TestChat club = bot.groupChat("Club", ben);

    club.as(ben).sharesLink("https://shop.example/returns");
    var shared = club.emulated().messages().get(club.emulated().messages().size() - 1);
    assertEquals("https://shop.example/returns", shared.text());
    ben.expectReply(r -> {
      assertEquals("CHAT, dialog false", r.text());
      assertEquals(1, r.message().attachments().size(), r.toString());
      assertEquals("share", r.message().attachments().get(0).path("type").asText());
      assertEquals("https://shop.example/returns", r.message().attachments().get(0).path("payload").path("url").asText());
    }).expectNoMoreReplies();
  }
}
