package io.ttscenes.example.faq.desk;

import io.ttscenes.api.Context;
import io.ttscenes.api.Handlers;
import io.ttscenes.api.OutgoingMessage;
import io.ttscenes.api.Scene;
import io.ttscenes.api.SendFailure;
import io.ttscenes.api.client.ApiLimits;
import io.ttscenes.api.keyboard.Keyboard;
import io.ttscenes.api.model.AttachmentRequest;
import io.ttscenes.api.model.Button;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the asking user sees, in their own language: answers, the close with its rating, the
 * self-close. The user writes to their ticket in the bot's scene {@code scene}, which the desk
 * moves to its step {@link SupportDesk#CLOSED_STEP} or leaves when the ticket ends.
 */
final class UserSide {
  private static final String RATE = "rating:";
  /** A rating button's payload after {@link #RATE}: the ticket, the stars, the closing operator's language. */
  private static final String TAG = "[A-Za-z0-9-]{0,35}";
  private static final Pattern RATING = Pattern.compile("(SUP-[0-9]{1,19}-[0-9]{1,9}):([0-9]+)(?::(" + TAG + "))?");
  /**
   * The continuation of the last (or only) part of an answer sent to the user, with a {@link Part}:
   * a refusal that means the user cannot be reached closes the ticket, any other one goes back to
   * it as {@link Signals.Undelivered}; once TamTam took it, the ticket is answered.
   */
  private static final String SENT = "desk.answer-sent";
  /**
   * The continuation of a part of an answer with more after it, all parts sent in one go and in
   * order: its refusal goes back to the ticket as {@link #SENT}'s does; its success needs nothing.
   */
  private static final String EARLIER = "desk.answer-earlier-part";
  /**
   * The continuation of a part sent by a version of the desk that sent the next part only once
   * TamTam took this one (never released on its own; handled for a rolling deploy): its payload
   * holds the rest, which now goes, all of it, in order.
   */
  private static final String PART = "desk.answer-part";
  /** {@link #SENT} as answers sent by releases before parts carried a {@link Part}: the ticket's id alone. */
  private static final String DELIVERED = "desk.delivered";
  /** How much of an answer's refused part a note to the operators quotes, in characters. */
  static final int EXCERPT_MAX = 40;
  /** One character as people see it (an extended grapheme cluster), which a cut never splits. */
  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  /**
   * An answer's part on its way to the user, as its continuation's payload.
   *
   * @param id the ticket
   * @param name the user's name as operators see it ("" when the signal did not say)
   * @param locale the ticket's operator's language tag ("" when unknown)
   * @param refused "" for the first part (nothing was sent to the user before it); else the
   *     beginning of this part's text, which the operators read if it is refused
   * @param rest "" (parts are sent all at once); in a {@link #PART}, the text still to send once
   *     TamTam took this part
   * @param attachments what goes with the last part (none: they go with it; in a {@link #PART},
   *     those of the rest)
   */
  record Part(String id, String name, String locale, String refused, String rest, List<AttachmentRequest> attachments) {
    Part {
      Objects.requireNonNull(id, "id");
      name = name == null ? "" : name;
      locale = locale == null ? "" : locale;
      refused = refused == null ? "" : refused;
      rest = rest == null ? "" : rest;
      attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
  }

  private final long operatorsChat;
  private final Scene<? extends SupportDesk.TicketDraft> scene;
  private final OperatorsLanguage language;

  UserSide(long operatorsChat, Scene<? extends SupportDesk.TicketDraft> scene, OperatorsLanguage language) {
    this.operatorsChat = operatorsChat;
    this.scene = scene;
    this.language = language;
  }

  void handlers(Handlers g) {
    g.onSignal(Signals.Answered.class, UserSide::deliver)
        // Delivered: only now is the ticket answered for the funnel (a refused answer reached nobody).
        .onSent(SENT, (ctx, sent) -> ctx.reached(SupportDesk.TICKET_ANSWERED))
        .onSendFailed(SENT, (ctx, failure) -> notDelivered(ctx, failure, ctx.continuationPayload(Part.class)))
        .onSendFailed(EARLIER, (ctx, failure) -> notDelivered(ctx, failure, ctx.continuationPayload(Part.class)))
        // A part the previous release sent alone, its rest waiting for it: the rest goes now, in order.
        .onSent(PART, (ctx, sent) -> rest(ctx, ctx.continuationPayload(Part.class)))
        .onSendFailed(PART, (ctx, failure) -> notDelivered(ctx, failure, ctx.continuationPayload(Part.class)))
        .onSent(DELIVERED, (ctx, sent) -> ctx.reached(SupportDesk.TICKET_ANSWERED))
        .onSendFailed(DELIVERED, (ctx, failure) -> notDelivered(ctx, failure,
            new Part(ctx.continuationPayload(String.class), "", "", "", "", List.of())))
        .onSignal(Signals.Closed.class, (ctx, closed) -> (holds(ctx, closed.id()) ? ctx.goTo(SupportDesk.CLOSED_STEP)
            : ctx).reply(OutgoingMessage.text(ctx.t("desk.closed", closed.id())).keyboard(ratings(closed))))
        .onSignal(Signals.Expired.class, (ctx, expired) -> (holds(ctx, expired.id()) ? ctx.leave() : ctx).reply(
            ctx.t("desk.expired", expired.id(), TicketScene.EXPIRE_AFTER.toHours())))
        .onCallbackPrefix(RATE, this::rated);
  }

  /**
   * An operator's answer to the user, marked as the funnel's {@link SupportDesk#TICKET_ANSWERED}
   * once TamTam took it. The operator's name starts its first message; an answer that does not fit
   * TamTam's limit with it goes on in further messages, all of them in this turn's outbox, in
   * order, so nothing the session sends later (another answer, the close's rating prompt) comes
   * between them, and the first message holds the name with text, never the name alone. The
   * attachments go with the last message as the operator's message had them: a contact or
   * sticker, which the API wants alone, comes alone from clients, so it stays alone here.
   */
  private static void deliver(Context<?> ctx, Signals.Answered answered) {
    String prefix = ctx.t("desk.answer-from", answered.operator()) + " ";
    String text = answered.text();
    // One in parts goes without its leading blank lines, so what follows the name is never blank;
    // one that fits keeps them, as the operator wrote it.
    if (ApiLimits.length(prefix) + ApiLimits.length(text) > ApiLimits.MESSAGE_TEXT_MAX) {
      text = text.stripLeading();
    }
    send(ctx, new Part(answered.id(), answered.name(), answered.locale(), "", text, answered.attachments()), prefix,
        false);
  }

  /**
   * TamTam took a part an earlier version of the desk sent alone ({@link #PART}): the rest goes now,
   * all of it, in order, as a new answer's parts after its first.
   */
  private static void rest(Context<?> ctx, Part sent) {
    send(ctx, sent, "", true);
  }

  /**
   * Sends {@code answer.rest()} in this turn's outbox, in order: {@code prefix} and as much of it as fits
   * one message (see {@link #cut}), then as much of what is left as fits the next, and so on; the
   * attachments go with the last. Each part's continuation carries the beginning of its text,
   * quoted to the operators if it is refused, except the first when {@code after} is false (nothing
   * was sent before it). The parts before the last carry {@link #EARLIER}, the last {@link #SENT}.
   */
  private static void send(Context<?> ctx, Part answer, String prefix, boolean after) {
    String rest = answer.rest();
    String head = prefix;
    boolean earlier = after;
    do {
      int cut = cut(rest, ApiLimits.MESSAGE_TEXT_MAX - ApiLimits.length(head));
      String text = rest.substring(0, cut);
      rest = rest.substring(cut).strip();
      // As the operator wrote it: an answer that fits keeps its leading blank lines after the name.
      OutgoingMessage message = OutgoingMessage.text((head + text).strip());
      Part part = new Part(answer.id(), answer.name(), answer.locale(), earlier ? excerpt(text.strip()) : "", "",
          List.of());
      if (!rest.isEmpty()) {
        ctx.reply(message).then(EARLIER, part);
      } else {
        for (AttachmentRequest attachment : answer.attachments()) {
          message = message.attach(attachment);
        }
        ctx.reply(message).then(SENT, part);
      }
      head = "";
      earlier = true;
    } while (!rest.isEmpty());
  }

  /**
   * Where to cut {@code text} (a char index) so that at most {@code room} characters (code points)
   * come before: after the last whitespace in the second half of what fits, else after the last
   * whole character as people see it (a grapheme cluster: an emoji joined from several, a flag,
   * a letter with its accents), never inside one; inside one only when a single one is longer than
   * {@code room}, which no limit could keep whole.
   */
  static int cut(String text, int room) {
    if (ApiLimits.length(text) <= room) {
      return text.length();
    }
    int end = text.offsetByCodePoints(0, room);
    Matcher grapheme = GRAPHEME.matcher(text);
    int last = 0;
    int space = 0;
    while (grapheme.find() && grapheme.end() <= end) {
      last = grapheme.end();
      if (Character.isWhitespace(text.charAt(last - 1))) {
        space = last;
      }
    }
    return space > end / 2 ? space : last > 0 ? last : end;
  }

  /**
   * The beginning of {@code text} as a note quotes it: at most {@link #EXCERPT_MAX} characters,
   * ending between whole characters as people see them, then "…".
   */
  static String excerpt(String text) {
    if (ApiLimits.length(text) <= EXCERPT_MAX) {
      return text;
    }
    Matcher grapheme = GRAPHEME.matcher(text);
    int end = text.offsetByCodePoints(0, EXCERPT_MAX);
    int last = 0;
    while (grapheme.find() && grapheme.end() <= end) {
      last = grapheme.end();
    }
    return text.substring(0, last > 0 ? last : end) + "…";
  }

  /**
   * TamTam refused part {@code part} of an answer for good. For POST /messages, 403 means the user
   * blocked the bot (or the bot may not write there) and 404 that the dialog or the user is gone:
   * the ticket closes, and the user leaves it too, or their later messages would go to a closed
   * ticket. Any other refusal (400: an attachment the API will not take, say) is about this answer
   * only, so the ticket stays open and its operators are told why (and, for a part after the first,
   * where the refused text begins), to answer again. Each refused part of a long answer is told on
   * its own; the parts after it were sent anyway (all went in one outbox), so a refused middle part
   * leaves the user the parts around it. Several parts refused with 403/404 close the ticket once:
   * a closed ticket takes {@link Signals.Unreachable} quietly, and the user leaves only the ticket the
   * refused answer belongs to (by then they may have opened another).
   */
  private void notDelivered(Context<?> ctx, SendFailure failure, Part part) {
    String id = part.id();
    if (unreachable(failure)) {
      // Only out of this ticket: a later part's refusal can come after the user left it and opened another.
      (holds(ctx, id) ? ctx.leave() : ctx).signal(SupportDesk.ticket(id), new Signals.Unreachable(id));
    } else {
      String name = part.name().isEmpty() ? OperatorsChat.name(ctx) : part.name();
      ctx.signal(SupportDesk.ticket(id), new Signals.Undelivered(id, name, failure.status(), failure.code(),
          failure.message(), part.locale(), part.refused()));
    }
  }

  /**
   * Whether refusal {@code failure} of a send to the user means nothing will reach them. A 403
   * {@code verify.token} is the bot's own token refused (the schema's example), not the user's
   * doing: the ticket stays open and operators read the API's words.
   */
  static boolean unreachable(SendFailure failure) {
    return failure.status() == 404 || failure.status() == 403 && !"verify.token".equals(failure.code());
  }

  private boolean inScene(Context<?> ctx) {
    return ctx.sceneId().filter(scene.id()::equals).isPresent();
  }

  /** Whether the user is in the desk's scene writing to ticket {@code id}. */
  private boolean holds(Context<?> ctx, String id) {
    return inScene(ctx) && id.equals(((SupportDesk.TicketDraft) ctx.data()).ticket());
  }

  private void rated(Context<?> ctx, String rest) {
    Matcher rating = RATING.matcher(rest);
    int stars = rating.matches() ? parse(rating.group(2)) : 0;
    if (rating.matches() && stars == 0) {
      ctx.answer(ctx.t("desk.pick-rating"));
      return;
    }
    if (!rating.matches() || !rating.group(1).startsWith("SUP-" + ctx.userId().orElse(0L) + "-")) {
      // A forged button: someone else's ticket, or text to slip into the operators' chat.
      ctx.answer(ctx.t("desk.not-your-rating"));
      return;
    }
    String id = rating.group(1);
    // The rating ends the closed step: the user is back at the root.
    if (inScene(ctx) && ctx.step().filter(SupportDesk.CLOSED_STEP::equals).isPresent()) {
      ctx.leave();
    }
    String operator = rating.group(3) == null ? "" : rating.group(3);
    ctx.answer(OutgoingMessage.text(ctx.t("desk.rated", id, String.valueOf(stars))))
        .sendToChat(operatorsChat, OutgoingMessage.text(language.in(ctx, operator, "desk.op.rated",
            OperatorsChat.name(ctx), id, String.valueOf(stars))));
  }

  private static int parse(String digits) {
    return digits.matches("[1-5]") ? Integer.parseInt(digits) : 0;
  }

  /** One to five stars; each button names the closing operator's language, for the rating's post. */
  private static Keyboard ratings(Signals.Closed closed) {
    Button[] row = new Button[5];
    String language = buttonTag(closed.locale());
    for (int stars = 1; stars <= 5; stars++) {
      row[stars - 1] = Keyboard.callback(String.valueOf(stars), RATE + closed.id() + ":" + stars + ":" + language);
    }
    return Keyboard.inline().withRow(row);
  }

  /**
   * Language tag {@code tag} as a rating button carries it: whole when it fits {@link #RATING}, else
   * its language and region (a tag with extensions can be longer), so the user's press still counts.
   */
  private static String buttonTag(String tag) {
    if (tag.matches(TAG)) {
      return tag;
    }
    Locale locale = Locale.forLanguageTag(tag);
    String shorter = new Locale.Builder().setLanguage(locale.getLanguage()).setRegion(locale.getCountry()).build()
        .toLanguageTag();
    return shorter.matches(TAG) ? shorter : "";
  }
}
