package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Counter;
import io.ttscenes.api.Bot;
import io.ttscenes.testkit.kit.ChatDataReleases.Mine;
import io.ttscenes.testkit.kit.ChatDataReleases.VotesV2;
import io.ttscenes.testkit.kit.ChatDataReleases.VotesV3;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deploys that change the shape of chat data: it migrates along the declared chain, or the chat's
 * data starts over from the bot's factory, counted, while each member's own session carries on and
 * nobody gets a reset notice; never a silent null. One tester per test, on the in-memory store.
 */
final class ChatDataMigrationKitTest {
  @RegisterExtension
  final BotTester bot = BotTester.of(ChatDataReleases.v1());

  private double resets(String reason) {
    Counter counter = bot.meters().find("ttscenes.session.resets").tags("scene", "@chat_data", "reason", reason)
        .counter();
    return counter == null ? 0 : counter.count();
  }

  private TestChat votedOnceEach(String title, TestUser first, TestUser... more) {
    TestChat chat = bot.groupChat(title, first, more);
    chat.as(first).sends("/vote").expectReplyContaining("; your votes: 1");
    for (TestUser user : more) {
      chat.as(user).sends("/vote").expectReplyContaining("; your votes: 1");
    }
    return chat;
  }

  @Test
  void aRenamedChatDataFieldWithoutAMigrationStartsTheChatDataOverInsteadOfReadingNull() {
    TestUser ann = bot.user("Ann");
    TestUser bob = bot.user("Bob");
    TestChat hall = votedOnceEach("Hall", ann, bob);

    bot.deploy(ChatDataReleases.v2Unversioned());

    hall.as(ann).sends("/vote").expectReply("Voters: Ann; your votes: 2").expectNoMoreReplies();
    assertEquals(1.0, resets("not_decoded"));
    assertEquals(new Mine(2), bot.session(ann, hall).sessionData(Mine.class), "the member's session is not reset");
    hall.as(bob).sends("/vote").expectReply("Voters: Ann, Bob; your votes: 2").expectNoMoreReplies();
    assertEquals(1.0, resets("not_decoded"), "the chat data written by the new release reads as it is");
  }

  @Test
  void aRenamedChatDataFieldWithAMigrationCarriesTheChatOn() {
    TestUser ann = bot.user("Ann");
    TestUser bob = bot.user("Bob");
    TestChat hall = votedOnceEach("Hall", ann, bob);

    bot.deploy(ChatDataReleases.v2Migrated());

    hall.as(ann).sends("/vote").expectReply("Voters: Ann, Bob, Ann; your votes: 2").expectNoMoreReplies();
    assertEquals(Optional.of(new VotesV2(List.of("Ann", "Bob", "Ann"))), bot.chatData(hall, VotesV2.class));
    hall.as(bob).sends("/vote").expectReply("Voters: Ann, Bob, Ann, Bob; your votes: 2");
    assertEquals(0.0, resets("not_decoded") + resets("not_migrated"));
  }

  @Test
  void chatDataMigratesAlongTheChainFromEachOlderVersion() {
    TestUser ann = bot.user("Ann");
    TestUser bob = bot.user("Bob");
    TestChat first = votedOnceEach("First", ann);
    bot.deploy(ChatDataReleases.v2Migrated());
    TestChat second = votedOnceEach("Second", bob);

    bot.deploy(ChatDataReleases.v3());

    first.as(ann).sends("/vote").expectReply("Voters: unknown: Ann, Ann; your votes: 2");
    second.as(bob).sends("/vote").expectReply("Voters: unknown: Bob, Bob; your votes: 2");
    TestChat third = bot.groupChat("Third", ann);
    third.as(ann).sends("/vote").expectReply("Voters: lunch: Ann; your votes: 1");
    third.as(ann).sends("/vote").expectReply("Voters: lunch: Ann, Ann; your votes: 2");
    assertEquals(Optional.of(new VotesV3(List.of("Ann", "Ann"), "lunch")), bot.chatData(third, VotesV3.class));
    assertEquals(0.0, resets("not_decoded") + resets("not_migrated") + resets("migration_failed"));
  }

  @Test
  void aFailingChatDataMigrationStartsTheChatDataOverAndIsCounted() {
    TestUser ann = bot.user("Ann");
    TestChat hall = votedOnceEach("Hall", ann);

    bot.deploy(ChatDataReleases.v2(2, node -> {
      throw new IllegalStateException("cannot migrate " + node);
    }));

    hall.as(ann).sends("/vote").expectReply("Voters: Ann; your votes: 2").expectNoMoreReplies();
    assertEquals(1.0, resets("migration_failed"));
  }

  @Test
  void aMissingMigrationStepStartsTheChatDataOver() {
    TestUser ann = bot.user("Ann");
    TestChat hall = votedOnceEach("Hall", ann);

    bot.deploy(ChatDataReleases.v2(2, null));

    hall.as(ann).sends("/vote").expectReply("Voters: Ann; your votes: 2").expectNoMoreReplies();
    assertEquals(1.0, resets("not_migrated"));
  }

  @Test
  void chatDataFromANewerReleaseIsNotReadByTheRolledBackOneAndSurvivesItsReads() {
    bot.deploy(ChatDataReleases.v3());
    TestUser ann = bot.user("Ann");
    TestChat hall = bot.groupChat("Hall", ann);
    hall.as(ann).sends("/vote").expectReply("Voters: lunch: Ann; your votes: 1");

    bot.deploy(ChatDataReleases.v2Migrated());

    hall.as(ann).sends("/count").expectReply("Voters: 0").expectNoMoreReplies();
    assertEquals(1.0, resets("future_version"));
    bot.deploy(ChatDataReleases.v3());
    hall.as(ann).sends("/vote").expectReply("Voters: lunch: Ann, Ann; your votes: 2");
  }

  @Test
  void chatDataVersionsAreCheckedWhenTheBotIsBuilt() {
    Bot.Builder builder = Bot.builder("vote").chatDataVersion(2).migrateChatData(2, node -> node);
    io.ttscenes.api.BotConfigurationException e =
        org.junit.jupiter.api.Assertions.assertThrows(io.ttscenes.api.BotConfigurationException.class, builder::build);
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("chat data: a migration from data version 2"),
        e.getMessage());
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("no chat data"), e.getMessage());
  }
}
