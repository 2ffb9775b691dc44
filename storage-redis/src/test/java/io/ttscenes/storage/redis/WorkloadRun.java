package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.testkit.BotMessage;
import io.ttscenes.testkit.EmulatedChat;
import io.ttscenes.testkit.EmulatedUser;
import io.ttscenes.testkit.Emulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * One run of {@link VoteWorkload} against an emulator: every voter votes once, then the run waits
 * for the end state and checks it exactly. Each voter gets five messages, each once: its ballot
 * ("ballot taken"), the continuation's "recorded <ballot mid>", its tally's "counted by tally:k",
 * the nudge and the rescheduled "remind <ballot mid>" (never the cancelled "expired"). Every
 * tally's count equals its voters, no timer and no outbox is left, and every update is acknowledged.
 * Besides, the first voters cheer in group chats of {@link #MEMBERS}: each chat gets "cheer 1" to
 * "cheer <members>" once each, so no concurrent change of its chat-wide data was lost or doubled.
 */
final class WorkloadRun {
  /** The voters of a run. */
  static final int USERS = 300;
  static final int PER_VOTER = 5;
  static final int GROUPS = 5;
  static final int MEMBERS = 10;

  private final Emulator tamtam;
  private final String botName;
  private final List<EmulatedUser> voters;
  private final EmulatedUser checker;
  private final List<EmulatedChat> groups = new ArrayList<>();
  private final long started = System.nanoTime();

  WorkloadRun(Emulator tamtam, String botName) {
    this.tamtam = tamtam;
    this.botName = botName;
    this.voters = IntStream.range(0, USERS).mapToObj(i -> tamtam.user("voter-" + i)).toList();
    this.checker = tamtam.user("checker");
    for (int g = 0; g < GROUPS; g++) {
      List<EmulatedUser> members = voters.subList(g * MEMBERS, (g + 1) * MEMBERS);
      EmulatedChat group = tamtam.groupChat("group-" + g, members.get(0),
          members.subList(1, MEMBERS).toArray(EmulatedUser[]::new));
      group.addBot(members.get(0));
      groups.add(group);
    }
  }

  /** Every voter sends {@code /vote}, and every member of a group {@code /cheer} there. */
  void vote() {
    voters.forEach(voter -> voter.sendCommand("/vote"));
    groups.forEach(group -> group.members().forEach(member -> group.sendText(member, "/cheer")));
  }

  /** How many messages the bot has delivered to voters so far, repeats included. */
  long delivered() {
    return voters.stream().mapToLong(voter -> botMessages(voter).size()).sum();
  }

  /** How many messages the run expects to be delivered to voters in all. */
  long expected() {
    return (long) voters.size() * PER_VOTER;
  }

  /** Waits until the bot delivered at least {@code count} messages to voters. */
  void awaitDelivered(long count, Duration timeout) throws InterruptedException {
    awaitUntil(() -> delivered() >= count, timeout, () -> count + " messages to voters (had " + delivered() + ")");
  }

  /** Waits for the run to settle and checks its exact end state; returns how long the run took. */
  Duration finish(RedisServerExtension redis, Duration timeout) throws InterruptedException {
    awaitUntil(() -> voters.stream().allMatch(v -> botMessages(v).size() >= PER_VOTER), timeout,
        () -> "five messages to every voter (had " + delivered() + " of " + expected() + "; missing " + missing() + ")");
    awaitUntil(() -> groups.stream().allMatch(g -> botMessages(g).size() >= MEMBERS), timeout,
        () -> "every cheer's answer");
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    checker.sendCommand("/totals");
    awaitUntil(() -> botMessages(checker).size() >= VoteWorkload.TALLIES, timeout, () -> "every tally's count");
    assertTrue(RedisLeftovers.awaitNoTimers(redis, botName, timeout), "a timer was left to fire");
    assertTrue(RedisLeftovers.awaitNoOutboxes(redis, botName, timeout), "an outbox was left");
    assertTrue(tamtam.awaitAcknowledged(timeout), tamtam.unacknowledgedUpdates() + " updates unacknowledged");
    // Nothing is left that could send: any repeat or loss is in the dialogs now.
    voters.forEach(WorkloadRun::assertExactMessages);
    assertEquals(expectedTotals(), texts(checker), "tally counts");
    List<String> cheers = sorted(IntStream.rangeClosed(1, MEMBERS).mapToObj(n -> "cheer " + n).toList());
    groups.forEach(group -> assertEquals(cheers, sorted(botMessages(group).stream().map(BotMessage::text).toList()),
        group.title()));
    return took;
  }

  /** How many of each kind of message (its first word) voters have not got yet. */
  private Map<String, Long> missing() {
    Map<String, Long> kinds = new TreeMap<>();
    for (EmulatedUser voter : voters) {
      List<String> got = botMessages(voter).stream().map(m -> m.text().split(" ")[0]).toList();
      for (String kind : List.of("ballot", "recorded", "counted", "nudge", "remind")) {
        if (!got.contains(kind)) {
          kinds.merge(kind, 1L, Long::sum);
        }
      }
    }
    return kinds;
  }

  private static void assertExactMessages(EmulatedUser voter) {
    List<BotMessage> got = botMessages(voter);
    String mid = got.stream().filter(m -> "ballot taken".equals(m.text())).findFirst()
        .map(BotMessage::mid).orElse("no ballot");
    List<String> expected = sorted(List.of("ballot taken", "recorded " + mid,
        "counted by " + VoteWorkload.tallyOf(voter.userId()), "nudge", "remind " + mid));
    assertEquals(expected, sorted(got.stream().map(BotMessage::text).toList()), voter.name());
  }

  private List<String> expectedTotals() {
    long[] counts = new long[VoteWorkload.TALLIES];
    voters.forEach(voter -> counts[(int) Math.floorMod(voter.userId(), (long) VoteWorkload.TALLIES)]++);
    return sorted(IntStream.range(0, counts.length).mapToObj(i -> "tally:" + i + " " + counts[i]).toList());
  }

  private static List<String> texts(EmulatedUser user) {
    return sorted(botMessages(user).stream().map(BotMessage::text).toList());
  }

  private static List<String> sorted(List<String> texts) {
    List<String> copy = new ArrayList<>(texts);
    copy.sort(null);
    return copy;
  }

  private static List<BotMessage> botMessages(EmulatedUser user) {
    return user.messages().stream()
        .filter(m -> m.json().path("sender").path("user_id").asLong() != user.userId()).toList();
  }

  private static List<BotMessage> botMessages(EmulatedChat chat) {
    return chat.messages().stream().filter(m -> m.json().path("sender").path("is_bot").asBoolean()).toList();
  }

  static void awaitUntil(BooleanSupplier done, Duration timeout, Supplier<String> what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + timeout + " for " + what.get());
      }
      Thread.sleep(20);
    }
  }
}
