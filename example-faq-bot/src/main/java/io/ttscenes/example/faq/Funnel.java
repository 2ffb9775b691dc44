package io.ttscenes.example.faq;

import io.ttscenes.example.faq.desk.SupportDesk;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The support funnel's names: deep links {@code ref_<campaign>} the shop advertises, and the
 * milestones handlers mark with {@code ctx.reached(...)}, from a question to an answered ticket.
 * The runtime counts them in {@code ttscenes.milestones} and per campaign in the funnels.
 */
public final class Funnel {
  /** A free-text question found matches in the FAQ. */
  public static final String ASKED = "asked";
  /** An FAQ answer was shown (browsed or picked from the matches). */
  public static final String ANSWERED = "answered";
  /** The user pressed "Yes" under "Was this helpful?". */
  public static final String HELPFUL = "helpful";
  /** The user pressed "No" under "Was this helpful?". */
  public static final String NOT_HELPFUL = "not-helpful";
  /** An operator's answer to the user's ticket reached the user (marked in the user's session). */
  public static final String TICKET_ANSWERED = SupportDesk.TICKET_ANSWERED;
  /** Every milestone, in funnel order. */
  public static final List<String> MILESTONES = List.of(ASKED, ANSWERED, HELPFUL, NOT_HELPFUL, TICKET_ANSWERED);
  /** The campaigns the shop advertises; other {@code ref_} links still set the profile's campaign. */
  public static final List<String> CAMPAIGNS = List.of("promo42", "spring-sale");

  private static final String PREFIX = "ref_";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,60}");

  private Funnel() {}

  /** The deep-link payload of {@code campaign}: {@code ref_<campaign>}. */
  public static String link(String campaign) {
    if (!NAME.matcher(campaign).matches()) {
      throw new IllegalArgumentException("campaign '" + campaign + "' must be 1-60 of A-Z a-z 0-9 _ -");
    }
    return PREFIX + campaign;
  }

  /** The campaign a start payload names: {@code ref_spring-sale} gives {@code spring-sale}. */
  public static Optional<String> campaignOf(String payload) {
    String name = payload.startsWith(PREFIX) ? payload.substring(PREFIX.length()) : "";
    return NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
  }

  /** The payloads the bot declares to the runtime, so its meters name these campaigns. */
  static String[] declaredLinks() {
    return CAMPAIGNS.stream().map(Funnel::link).toArray(String[]::new);
  }
}
