package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.SessionKeys;
import io.ttscenes.api.keyboard.Keyboard;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A vote of three members that closes itself ten minutes after it opened: the chat's session
 * schedules the close when the vote starts, and ballots after it are refused.
 */
final class TimedVoteKitTest {
  /** The ballots of an open vote by user id; {@code open} is false once it closed. */
  record Ballots(boolean open, Map<String, String> votes) {
    Ballots {
      votes = Map.copyOf(votes);
    }

    long count(String choice) {
      return votes.values().stream().filter(choice::equals).count();
    }
  }

  static Bot timedVote() {
    Keyboard choices = Keyboard.inline()
        .withRow(Keyboard.callback("Tea", "vote:Tea"), Keyboard.callback("Coffee", "vote:Coffee"));
    return Bot.builder("timed-vote")
        .sessionKey(SessionKeys.CHAT)
        .sessionData(Ballots.class, () -> new Ballots(false, Map.of()))
        .root(r -> r
            .onCommand("vote", ctx -> ctx.setSession(new Ballots(true, Map.of()))
                .schedule("close", Duration.ofMinutes(10), null)
                .reply("Tea or coffee? The vote closes in 10 minutes.", choices))
            .onCallbackPrefix("vote:", (ctx, choice) -> {
              Ballots ballots = ctx.session(Ballots.class);
              if (!ballots.open()) {
                ctx.answer("The vote is closed");
                return;
              }
              Map<String, String> votes = new HashMap<>(ballots.votes());
              votes.put(Long.toString(ctx.userId().orElseThrow()), choice);
              ctx.setSession(new Ballots(true, votes)).answer("Counted");
            })
            .onScheduled("close", ctx -> {
              Ballots ballots = ctx.session(Ballots.class);
              ctx.setSession(new Ballots(false, ballots.votes()))
                  .reply("Vote closed. Tea: " + ballots.count("Tea") + ", Coffee: " + ballots.count("Coffee"));
            }))
        .build();
  }

  @RegisterExtension
  static final BotTester bot = BotTester.of(timedVote());

  @Test
  void threeMembersVoteAndTheVoteClosesItselfAfterTenMinutes() {
    TestUser ann = bot.user("Ann");
    TestUser ben = bot.user("Ben");
    TestUser cid = bot.user("Cid");
    TestChat office = bot.groupChat("Office", ann, ben, cid);

    office.as(ann).sends("/vote").expectReply("Tea or coffee? The vote closes in 10 minutes.");
    assertEquals(Optional.of(bot.clock().instant().plus(Duration.ofMinutes(10))),
        Optional.ofNullable(bot.session(office).jobs().get("close")));
    ann.in(office).presses("Tea").expectNotification("Counted");
    ben.in(office).presses("Coffee").expectNotification("Counted");
    bot.advance(Duration.ofMinutes(9));
    cid.in(office).presses("Tea").expectNotification("Counted");
    office.expectNoMoreReplies();

    bot.advance(Duration.ofMinutes(1));
    office.expectReply("Vote closed. Tea: 2, Coffee: 1").expectNoMoreReplies();
    ben.in(office).presses("Tea").expectNotification("The vote is closed");
    assertEquals(Map.of(), bot.session(office).jobs());
  }
}
