package io.ttscenes.testkit.kit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ttscenes.api.Bot;
import io.ttscenes.api.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Releases of a group vote bot whose chat data changes shape between deploys: release 1 keeps the
 * voters as {@code names}, release 2 renames it {@code members}, release 3 adds a {@code topic}.
 * Each member also counts their own votes in session data, which a chat data reset must not touch.
 */
final class ChatDataReleases {
  record VotesV1(List<String> names) {}

  record VotesV2(List<String> members) {}

  record VotesV3(List<String> members, String topic) {}

  record Mine(int votes) {}

  private ChatDataReleases() {}

  static Bot v1() {
    return Bot.builder("vote").sessionData(Mine.class, () -> new Mine(0))
        .chatData(VotesV1.class, () -> new VotesV1(List.of()))
        .root(r -> r.onCommand("vote", ctx -> {
          List<String> names = plus(ctx.chatData(VotesV1.class).names(), ctx);
          ctx.setChatData(new VotesV1(names));
          reply(ctx, String.join(", ", names));
        }).onCommand("count", ctx -> ctx.reply("Voters: " + ctx.chatData(VotesV1.class).names().size())))
        .build();
  }

  /** Release 2: {@code names} renamed to {@code members}, at chat data version {@code version}. */
  static Bot v2(int version, UnaryOperator<ObjectNode> from1) {
    Bot.Builder builder = Bot.builder("vote").sessionData(Mine.class, () -> new Mine(0))
        .chatData(VotesV2.class, () -> new VotesV2(List.of())).chatDataVersion(version)
        .root(r -> r.onCommand("vote", ctx -> {
          List<String> members = plus(ctx.chatData(VotesV2.class).members(), ctx);
          ctx.setChatData(new VotesV2(members));
          reply(ctx, String.join(", ", members));
        }).onCommand("count", ctx -> ctx.reply("Voters: " + ctx.chatData(VotesV2.class).members().size())));
    return (from1 == null ? builder : builder.migrateChatData(1, from1)).build();
  }

  /** Release 2 without a version or migration: the deploy that forgot to declare one. */
  static Bot v2Unversioned() {
    return v2(1, null);
  }

  static Bot v2Migrated() {
    return v2(2, ChatDataReleases::renamed);
  }

  static Bot v3() {
    return Bot.builder("vote").sessionData(Mine.class, () -> new Mine(0))
        .chatData(VotesV3.class, () -> new VotesV3(List.of(), "lunch"))
        .chatDataVersion(3).migrateChatData(1, ChatDataReleases::renamed)
        .migrateChatData(2, node -> node.put("topic", "unknown"))
        .root(r -> r.onCommand("vote", ctx -> {
          VotesV3 votes = ctx.chatData(VotesV3.class);
          List<String> members = plus(votes.members(), ctx);
          ctx.setChatData(new VotesV3(members, votes.topic()));
          reply(ctx, votes.topic() + ": " + String.join(", ", members));
        }))
        .build();
  }

  static ObjectNode renamed(ObjectNode node) {
    node.set("members", node.remove("names"));
    return node;
  }

  private static List<String> plus(List<String> voters, Context<?> ctx) {
    List<String> more = new ArrayList<>(voters);
    more.add(ctx.user().orElseThrow().name());
    return more;
  }

  private static void reply(Context<?> ctx, String voters) {
    Mine mine = new Mine(ctx.session(Mine.class).votes() + 1);
    ctx.setSession(mine).reply("Voters: " + voters + "; your votes: " + mine.votes());
  }
}
