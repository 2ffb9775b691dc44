package io.ttscenes.testkit.kit;

import io.ttscenes.api.Bot;
import io.ttscenes.api.PayloadType;

/** Invites by signed referral links: the kit's deep-link bot. */
final class ReferralBot {
  /** Who invited, and to which campaign. */
  @PayloadType(tag = "ref")
  record Referral(long inviter, String campaign) {}

  private ReferralBot() {}

  static Bot create() {
    return Bot.builder("referral-bot")
        .username("tt_referral_bot")
        .signStartLinks("a long enough secret for tests")
        .root(r -> r
            .onStart(Referral.class, (ctx, ref) -> ctx.reply("Invited by " + ref.inviter() + " for " + ref.campaign()))
            .onBotStarted(ctx -> ctx.reply("Welcome" + (ctx.startPayload().isEmpty() ? "" : ", " + ctx.startPayload())))
            .onCommand("invite", ctx -> ctx.reply(ctx.startLink(new Referral(ctx.userId().orElseThrow(), ctx.args()))))
            .onCommand("biginvite", ctx -> {
              try {
                ctx.reply(ctx.startLink(new Referral(1, "c".repeat(100))));
              } catch (IllegalArgumentException e) {
                ctx.reply("refused: " + e.getMessage());
              }
            }))
        .build();
  }
}
