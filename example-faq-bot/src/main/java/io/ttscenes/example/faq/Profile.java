package io.ttscenes.example.faq;

/**
 * What the bot remembers about a user across conversations (session-wide data).
 *
 * @param campaign the campaign of the {@code ref_<campaign>} deep link the user first came
 *     with, or "" when none (see {@link Funnel#campaignOf})
 * @param tickets how many support tickets the user has opened
 */
public record Profile(String campaign, int tickets) {
  /** A user the bot has not seen before. */
  public static Profile fresh() {
    return new Profile("", 0);
  }

  /** This profile with the campaign of a {@code ref_} start payload, unless one was already remembered. */
  public Profile cameFrom(String payload) {
    return campaign.isEmpty()
        ? Funnel.campaignOf(payload).map(name -> new Profile(name, tickets)).orElse(this)
        : this;
  }

  /** This profile with one more ticket. */
  public Profile withTicket() {
    return new Profile(campaign, tickets + 1);
  }
}
