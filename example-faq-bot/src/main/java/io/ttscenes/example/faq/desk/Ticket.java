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
 * @param operatorLocale that operator's language tag, "" while unknown (and in data stored before it)
 */
record Ticket(String id, SessionRef asker, String name, String campaign, String locale,
    Question question, String operator, String operatorLocale) {
  Ticket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(asker, "asker");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(campaign, "campaign");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(operator, "operator");
    operatorLocale = operatorLocale == null ? "" : operatorLocale;
  }

  static Ticket of(Signals.Open open) {
    return new Ticket(open.id(), open.asker(), open.name(), open.campaign(), open.locale(),
        open.question(), "", "");
  }

  /** The ticket taken (or answered) by operator {@code who}, whose language tag is {@code language}. */
  Ticket takenBy(String who, String language) {
    return new Ticket(id, asker, name, campaign, locale, question, who, language);
  }

  boolean taken() {
    return !operator.isEmpty();
  }
}
