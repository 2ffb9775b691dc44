package io.ttscenes.example.faq.desk;

import io.ttscenes.api.SessionRef;
import io.ttscenes.api.model.AttachmentRequest;
import java.util.List;
import java.util.Objects;

/**
 * The signals of the desk, grouped by the session that receives them: a ticket, the asking user,
 * the {@code desk} index. All are records, so they are stored as JSON in inboxes and survive a
 * restart.
 */
final class Signals {
  private Signals() {}

  /** To a new ticket: open it for {@code asker}. */
  record Open(SessionRef asker, String id, String name, String campaign, String locale,
      Question question) {
    Open {
      Objects.requireNonNull(asker, "asker");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(question, "question");
    }
  }

  /** To a ticket: the user ({@code name}; "" in signals stored before it was added) wrote more. */
  record FollowUp(Question question, String name) {
    FollowUp {
      Objects.requireNonNull(question, "question");
      name = name == null ? "" : name;
    }
  }

  /**
   * To a ticket: an operator's answer for the user, with the attachments to send again; {@code
   * locale} is the operator's language tag ("" when unknown, and in signals stored before it).
   */
  record Answer(String operator, String text, List<AttachmentRequest> attachments, String locale) {
    Answer {
      attachments = attachments == null ? List.of() : List.copyOf(attachments);
      locale = known(locale);
    }
  }

  /**
   * To a ticket: an operator takes it; {@code by} is their session in the chat, told if it is
   * closed (null in a Take stored by a release before it was added: nobody to tell).
   */
  record Take(String operator, SessionRef by, String locale) {
    Take {
      Objects.requireNonNull(operator, "operator");
      locale = known(locale);
    }
  }

  /** To the operator's session: ticket {@code id} they pressed Take on is closed, so it is not theirs. */
  record NotTaken(String id) {}

  /** To a ticket: an operator (whose language tag is {@code locale}) closes it. */
  record Close(String operator, String locale) {
    Close {
      locale = known(locale);
    }
  }

  /** To a ticket: its user cannot be reached (they blocked the bot). */
  record Unreachable(String id) {}

  /**
   * To a ticket: TamTam refused its answer to the user {@code name} for a reason other than an
   * unreachable user ({@code status} with the API's error {@code code} and {@code message}, ""
   * when it sent none), so the ticket stays open.
   *
   * @param locale the language tag of the ticket's operator when the answer was sent, for the note
   *     of a ticket that closed meanwhile ("" when unknown, and in signals stored before it)
   * @param rest "" for an answer's first (or only) part; else the beginning of the refused part
   *     of an answer too long for one message (the parts before it were sent too, and may have been
   *     refused as well, each told on its own)
   */
  record Undelivered(String id, String name, int status, String code, String message, String locale, String rest) {
    Undelivered {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      code = code == null ? "" : code;
      message = message == null ? "" : message;
      locale = known(locale);
      rest = rest == null ? "" : rest;
    }
  }

  /**
   * To the user: an operator answered ticket {@code id}, maybe with attachments (none in older
   * signals); {@code locale} is the ticket's operator's language tag and {@code name} the user's
   * name as operators see it, for a note on an answer that did not arrive ("" when unknown, and in
   * signals stored before them).
   */
  record Answered(String id, String operator, String text, List<AttachmentRequest> attachments, String locale,
      String name) {
    Answered {
      text = text == null ? "" : text;
      attachments = attachments == null ? List.of() : List.copyOf(attachments);
      locale = known(locale);
      name = name == null ? "" : name;
    }
  }

  /** To the user: ticket {@code id} was closed by {@code operator}, whose language tag is {@code locale}. */
  record Closed(String id, String operator, String locale) {
    Closed {
      locale = known(locale);
    }
  }

  /** To the user: ticket {@code id} closed itself after a day without messages. */
  record Expired(String id) {}

  /** To the desk: ticket {@code id} is open (again, or with a new operator). */
  record Listed(String id, String name, String operator) {}

  /** To the desk: ticket {@code id} was closed. */
  record Unlisted(String id) {}

  /** To the desk: an operator (whose language tag is {@code locale}) asked for the list of open tickets. */
  record ListOpen(String locale) {
    ListOpen {
      locale = known(locale);
    }
  }

  /** To the desk: ticket {@code id}'s post in the operators' chat is message {@code mid}. */
  record Posted(String id, String mid) {}

  /** To the desk: an operator replied to message {@code mid} in the operators' chat. */
  record ReplyTo(String mid, String operator, String text, List<AttachmentRequest> attachments, String locale) {
    ReplyTo {
      attachments = attachments == null ? List.of() : List.copyOf(attachments);
      locale = known(locale);
    }
  }

  /** An operator's language tag; signals stored before operators had languages carry none (null). */
  private static String known(String locale) {
    return locale == null ? "" : locale;
  }
}
