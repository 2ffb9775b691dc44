package io.ttscenes.example.faq.desk;

import io.ttscenes.api.SessionRef;
import java.util.Objects;

/**
 * A ticket's scene data in its named session.
 *
 * @param id the ticket's id, {@code SUP-<user id>-<n>}
 * @param asker the user's session, where answers go
 * @param name the user's name as operators see it
 * @param campaign the deep-link campaign the user came with, "" when none
 * @param locale the user's locale tag, "" when unknown
 * @param question the question as first asked
 * @param operator who took or answered it, "" while nobody did
 */
record Ticket(String id, SessionRef asker, String name, String campaign, String locale,
    Question question, String operator) {
  Ticket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(asker, "asker");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(campaign, "campaign");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(operator, "operator");
  }

  static Ticket of(Signals.Open open) {
    return new Ticket(open.id(), open.asker(), open.name(), open.campaign(), open.locale(),
        open.question(), "");
  }

  Ticket takenBy(String who) {
    return new Ticket(id, asker, name, campaign, locale, question, who);
  }

  boolean taken() {
    return !operator.isEmpty();
  }

  /** The line operators see first: who asks, from which campaign, in which language. */
  String header() {
    return "Ticket " + id + " from " + name + " (campaign: " + (campaign.isEmpty() ? "none" : campaign)
        + ", locale: " + (locale.isEmpty() ? "unknown" : locale) + ")";
  }
}
