package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Counter;
import io.ttscenes.api.Bot;
import io.ttscenes.testkit.kit.ClubReleases.JoinV1;
import io.ttscenes.testkit.kit.ClubReleases.JoinV2;
import io.ttscenes.testkit.kit.ClubReleases.JoinV3;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deploys that change the shape of stored data meet users mid-scene: data migrates along the
 * declared chain, or the session starts over with a notice to the user and a counted event; never
 * a silent null. One tester per test, on the in-memory store.
 */
final class DataMigrationKitTest {
  @RegisterExtension
  final BotTester bot = BotTester.of(ClubReleases.v1());

  private TestUser midScene(String name, String answer) {
    return bot.user(name).sends("/join").expectReply("Your name?").sends(answer).expectReply("Your age?");
  }

  private double resets(String scene, String reason) {
    Counter counter = bot.meters().find("ttscenes.session.resets").tags("scene", scene, "reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aRenamedFieldWithoutAMigrationStartsTheUserOverWithANoticeInsteadOfANull() {
    TestUser ann = midScene("ann", "Ann");

    bot.deploy(ClubReleases.v2(false, true));

    ann.sends("30").expectReply(ClubReleases.v2(false, true).resetNotice()).expectReply("Send /join.")
        .expectNoMoreReplies();
    assertEquals(Optional.empty(), bot.session(ann).scene());
    assertEquals(1.0, resets("join", "not_decoded"));
    ann.sends("/join").expectReply("Your name?").sends("Ann Lee").expectReply("Your age?")
        .sends("30").expectReply("Welcome, Ann Lee (30)").expectNoMoreReplies();
    assertEquals(1.0, resets("join", "not_decoded"), "the session written by the new release reads as it is");
  }

  @Test
  void aRenamedFieldWithAMigrationCarriesTheUserOn() {
    TestUser ann = midScene("ann", "Ann");

    bot.deploy(ClubReleases.v2(true, true));

    ann.sends("30").expectReply("Welcome, Ann (30)").expectNoMoreReplies();
    assertEquals(0.0, resets("join", "not_decoded"));
  }

  @Test
  void migrationsChainFromEachOlderVersion() {
    TestUser ann = midScene("ann", "Ann");
    bot.deploy(ClubReleases.v2(true, true));
    TestUser bob = midScene("bob", "Bob");
    assertEquals(new JoinV2("Bob"), bot.session(bob).data(JoinV2.class));

    bot.deploy(ClubReleases.v3());

    ann.sends("30").expectReply("Welcome, Ann from unknown (30)").expectNoMoreReplies();
    bob.sends("40").expectReply("Welcome, Bob from unknown (40)").expectNoMoreReplies();
    TestUser cat = midScene("cat", "Cat");
    assertEquals(new JoinV3("Cat", "Riga"), bot.session(cat).data(JoinV3.class));
    cat.sends("20").expectReply("Welcome, Cat from Riga (20)").expectNoMoreReplies();
  }

  @Test
  void aFailingMigrationStartsTheUserOverAndIsCounted() {
    TestUser ann = midScene("ann", "Ann");
    Bot failing = ClubReleases.v2(true, join -> join.dataVersion(2).migrate(1, node -> {
      throw new IllegalStateException("cannot migrate " + node);
    })).build();

    bot.deploy(failing);

    ann.sends("30").expectReply(failing.resetNotice()).expectReply("Send /join.").expectNoMoreReplies();
    assertEquals(1.0, resets("join", "migration_failed"));
  }

  @Test
  void dataFromANewerReleaseIsNotReadByTheRolledBackOne() {
    bot.deploy(ClubReleases.v3());
    TestUser ann = midScene("ann", "Ann");

    bot.deploy(ClubReleases.v2(true, true));

    ann.sends("30").expectReply(ClubReleases.v2(true, true).resetNotice()).expectReply("Send /join.")
        .expectNoMoreReplies();
    assertEquals(1.0, resets("join", "future_version"));
    ann.sends("/join").expectReply("Your name?").sends("Ann").expectReply("Your age?");
    assertEquals(new JoinV2("Ann"), bot.session(ann).data(JoinV2.class));
  }

  @Test
  void renamedSessionDataMigratesOrStartsOver() {
    TestUser ann = bot.user("ann").sends("/visit").expectReply("Visit 1");
    TestUser bob = bot.user("bob").sends("/visit").expectReply("Visit 1").sends("/visit").expectReply("Visit 2");

    bot.deploy(ClubReleases.v2(true, true));
    ann.sends("/visit").expectReply("Visit 2").expectNoMoreReplies();
    bot.deploy(ClubReleases.v2(true, false));

    bob.sends("/visit").expectReply(ClubReleases.v2(true, false).resetNotice()).expectReply("Visit 1")
        .expectNoMoreReplies();
    assertEquals(1.0, resets("root", "not_decoded"));
  }

  @Test
  void theNoticeIsTranslatedWhenTheBotDeclaresItsMessageKey() {
    TestUser ivan = bot.user("ivan", "ru").sends("/join").expectReply("Your name?").sends("Иван")
        .expectReply("Your age?");
    assertEquals(new JoinV1("Иван"), bot.session(ivan).data(JoinV1.class));

    bot.deploy(ClubReleases.v2(true, join -> join).messages(ClubReleases.messages()).build());

    ivan.sends("30").expectReply("Бот обновился; начните заново.").expectReply("Send /join.")
        .expectNoMoreReplies();
    assertEquals(Optional.empty(), bot.session(ivan).scene());
  }
}
