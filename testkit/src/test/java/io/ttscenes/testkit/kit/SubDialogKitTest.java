package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.BotConfigurationException;
import io.ttscenes.api.DialogResult;
import io.ttscenes.api.Scene;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class SubDialogKitTest {
  @RegisterExtension
  static final BotTester bot = BotTester.of(AddressBot.create());

  @Test
  void oneSubDialogReturnsItsResultToTwoDifferentCallers() {
    TestUser alice = bot.user("alice");
    alice.sends("/order tea").expectReply("Street?");
    assertEquals(Optional.of("address"), bot.session(alice).scene());
    alice.sends("Main St 1").expectReply("City?")
        .sends("Springfield").expectReply("Order of tea ships to Main St 1, Springfield")
        .expectNoMoreReplies();
    assertEquals(Optional.empty(), bot.session(alice).scene());

    alice.sends("/profile").expectReply("Street?")
        .sends("Elm St 2").expectReply("City?")
        .sends("Shelbyville").expectReply("Home address: Shelbyville").expectNoMoreReplies();
  }

  @Test
  void cancelUnwindsToTheCallerWithACancelledResult() {
    TestUser bob = bot.user("bob");
    bob.sends("/order cake").expectReply("Street?")
        .sends("/cancel").expectReply("Cancelling.")
        .expectReply("Order of cake has no address; cancelled").expectNoMoreReplies();
    assertEquals(Optional.empty(), bot.session(bob).scene());
  }

  @Test
  void theCallerKeepsItsDataWhileTheSubDialogRuns() {
    TestUser carol = bot.user("carol");
    carol.sends("/order jam").expectReply("Street?").sends("Oak 3").expectReply("City?");
    assertEquals("Oak 3", bot.session(carol).data(AddressBot.Ask.class).street());
    carol.sends("Ogdenville").expectReply("Order of jam ships to Oak 3, Ogdenville");
  }

  @Test
  void aResultHandlerForAnUnknownSceneFailsTheBuild() {
    BotConfigurationException e = assertThrows(BotConfigurationException.class, () -> Bot.builder("b")
        .scene(Scene.builder("caller").onResult("nowhere", String.class, (ctx, r) -> { }).build()).build());
    assertTrue(e.getMessage().contains("scene 'caller' takes results of unknown scene 'nowhere'"), e.getMessage());
  }

  @Test
  void cancelledResultHasNoValue() {
    assertEquals(Optional.empty(), new DialogResult.Cancelled<String>().value());
    assertEquals(Optional.of("x"), new DialogResult.Returned<>("x").value());
  }
}
