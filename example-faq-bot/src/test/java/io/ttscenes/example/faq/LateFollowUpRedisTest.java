package io.ttscenes.example.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.example.faq.catalog.FaqCatalog;
import io.ttscenes.example.faq.desk.SupportDesk;
import io.ttscenes.storage.redis.RedisConfig;
import io.ttscenes.storage.redis.RedisSessionStore;
import io.ttscenes.testkit.kit.BotTester;
import io.ttscenes.testkit.kit.TestChat;
import io.ttscenes.testkit.kit.TestUser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The follow-up racing an operator's Close on a real redis-server (the kit's store is in memory):
 * each user's message reaches the operators exactly once, in the closing ticket or a new one, and
 * the user is told which.
 */
final class LateFollowUpRedisTest {
  private static final long OPERATORS = -4_200_000_011L;

  /** Repeated: the race goes either way, and both ways must hold. */
  @RepeatedTest(3)
  void aFollowUpRacingTheCloseReachesTheOperatorsOnceOnRedis() {
    try (RedisProcess redis = RedisProcess.start();
        RedisSessionStore store = RedisSessionStore.create(RedisConfig.fromUrl(redis.url()));
        BotTester bot = BotTester.builder(FaqBot.create(FaqCatalog.sample(), SupportDesk.of(OPERATORS)))
            .store(store).timeout(Duration.ofSeconds(15)).build().start()) {
      TestUser olga = bot.user("Olga");
      TestChat desk = bot.groupChat(OPERATORS, "Operators", olga);
      race(bot, desk, olga, bot.user("Ada"));
    }
  }

  private static void race(BotTester bot, TestChat desk, TestUser olga, TestUser user) {
    String id = SupportDeskKitTest.ask(user, desk, "Is the warranty two years?");
    String next = "SUP-" + user.emulated().userId() + "-2";
    String more = user.name() + " asks: and the battery?";
    desk.as(olga).pressesUnder(desk.lastReply().text(), "Close");
    user.emulated().sendText(more);
    bot.awaitIdle();

    List<String> posted = desk.emulated().messages().stream().map(m -> String.valueOf(m.text())).toList();
    long joined = posted.stream().filter(("Ticket " + id + ", " + user.name() + " adds:\n\n" + more)::equals).count();
    long reopened = posted.stream().filter(text -> text.startsWith("Ticket " + next + " from " + user.name())
        && text.endsWith("\n\n" + more)).count();
    assertEquals(1, joined + reopened, "the follow-up reached the operators exactly once: " + posted);
    List<String> told = user.emulated().messages().stream().map(m -> String.valueOf(m.text())).toList();
    assertTrue(joined == 1 || told.stream().anyMatch(text -> text.startsWith("Ticket " + id + " is already "
        + "closed, so your message opened a new ticket " + next + ".")), user.name() + " was told: " + told);
  }
}
