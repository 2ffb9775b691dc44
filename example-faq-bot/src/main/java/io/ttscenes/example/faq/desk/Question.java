package io.ttscenes.example.faq.desk;

import io.ttscenes.api.Context;
import io.ttscenes.api.Updates;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user asks: the text and the user's own message (its mid), which is forwarded to the
 * operators when it carries attachments. Read with {@link #of(Context)}, which defines empty and
 * too long questions.
 *
 * @param text the question's text, possibly empty when the message has attachments
 * @param mid the user's message, forwarded to the operators' chat when it has attachments
 * @param attachments how many attachments the user's message carries
 */
public record Question(String text, String mid, int attachments) {
  /** The longest question or follow-up, in characters: it must fit the ticket's post with its header. */
  public static final int MAX_LENGTH = 3000;

  /** Checks the parts: a text within {@link #MAX_LENGTH}, a mid, something to ask. */
  public Question {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(mid, "mid");
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("question is " + text.length() + " characters; the limit is "
          + MAX_LENGTH);
    }
    if (text.isBlank() && attachments == 0) {
      throw new IllegalArgumentException("question has neither text nor attachments");
    }
  }

  /**
   * The question in the update {@code ctx} handles, or empty with the reason told to the user
   * when it is empty (no text, no attachments) or longer than {@link #MAX_LENGTH}.
   */
  public static Optional<Question> of(Context<?> ctx) {
    String text = ctx.text().strip();
    int attachments = Updates.attachments(ctx.update()).size();
    if (text.isEmpty() && attachments == 0) {
      ctx.reply(ctx.t("desk.empty"));
      return Optional.empty();
    }
    if (text.length() > MAX_LENGTH) {
      // Numbers as text: ICU would group them ("3,001"); the third argument picks the plural form.
      ctx.reply(ctx.t("desk.too-long", String.valueOf(text.length()), String.valueOf(MAX_LENGTH), text.length()));
      return Optional.empty();
    }
    String mid = Updates.message(ctx.update()).map(m -> m.body().mid()).orElse("");
    return Optional.of(new Question(text, mid, attachments));
  }
}
