package io.ttscenes.api;

import io.ttscenes.api.keyboard.Keyboard;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A ready question for a wizard step ({@link WizardStep#ask}): it asks, parses the answer into a
 * typed value, re-asks with a retry message when the answer does not parse or validate, and gives
 * up after a number of failed answers. Only new messages and current buttons count as answers:
 * edits, stale buttons and commands do not. Immutable; every method returns a new prompt.
 *
 * @param <T> the type of the parsed answer
 */
public final class Prompt<T> {
  /** The data of a choice button; its index among the prompt's options. */
  @PayloadType(tag = "pc")
  public record Choice(int index) {}

  /**
   * A shared location.
   *
   * @param latitude degrees north
   * @param longitude degrees east
   */
  public record Location(double latitude, double longitude) {}

  private final String question;
  private final Function<Context<?>, Keyboard> keyboard;
  private final Function<Context<?>, Optional<T>> parser;
  private final Predicate<T> validator;
  private final String retry;
  private final int maxAttempts;
  private final String giveUp;
  private final String back;

  private Prompt(String question, Function<Context<?>, Keyboard> keyboard,
      Function<Context<?>, Optional<T>> parser, Predicate<T> validator, String retry, int maxAttempts,
      String giveUp, String back) {
    this.question = Objects.requireNonNull(question, "question");
    this.keyboard = keyboard;
    this.parser = parser;
    this.validator = validator;
    this.retry = Objects.requireNonNull(retry, "retry");
    this.maxAttempts = maxAttempts;
    this.giveUp = Objects.requireNonNull(giveUp, "giveUp");
    this.back = back;
  }

  private static <T> Prompt<T> of(String question, Function<Context<?>, Optional<T>> parser, String retry) {
    return new Prompt<>(question, null, parser, value -> true, retry, 3, "Too many attempts; let us stop here.", null);
  }

  /** Any non-empty text. */
  public static Prompt<String> text(String question) {
    return of(question, PromptAnswers::text, "Please answer with text.");
  }

  /** A whole number from {@code min} to {@code max}. */
  public static Prompt<Integer> integer(String question, int min, int max) {
    return of(question, ctx -> PromptAnswers.integer(ctx).filter(n -> n >= min && n <= max),
        "Please send a whole number from " + min + " to " + max + ".");
  }

  /** A decimal number from {@code min} to {@code max} ({@code 2.5} or {@code 2,5}). */
  public static Prompt<BigDecimal> decimal(String question, BigDecimal min, BigDecimal max) {
    return of(question, ctx -> PromptAnswers.decimal(ctx)
        .filter(n -> n.compareTo(min) >= 0 && n.compareTo(max) <= 0),
        "Please send a number from " + min.toPlainString() + " to " + max.toPlainString() + ".");
  }

  /** An e-mail address ({@code name@domain.tld}). */
  public static Prompt<String> email(String question) {
    return of(question, PromptAnswers::email, "That does not look like an e-mail address; please try again.");
  }

  /** A phone number, shared as a contact (a button is shown) or typed ({@code +7 912 345-67-89}). */
  public static Prompt<String> phone(String question) {
    return of(question, PromptAnswers::phone, "Please share your contact or type your phone number.")
        .keyboard(ctx -> Keyboard.inline().withRow(Keyboard.requestContact("Share my number")));
  }

  /** One of {@code options}, shown as buttons (one per row) or typed; the answer is the option. */
  public static Prompt<String> choice(String question, List<String> options) {
    List<String> copy = List.copyOf(options);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("a choice prompt needs at least 1 option");
    }
    return of(question, ctx -> PromptAnswers.chosen(ctx).filter(i -> i >= 0 && i < copy.size()).map(copy::get)
        .or(() -> PromptAnswers.text(ctx).flatMap(text -> copy.stream().filter(text::equalsIgnoreCase).findFirst())),
        "Please choose one of the buttons.").keyboard(ctx -> PromptAnswers.buttons(ctx, copy));
  }

  /** Yes or no, as two buttons labelled {@code yes} and {@code no}. */
  public static Prompt<Boolean> yesNo(String question, String yes, String no) {
    return choice(question, List.of(yes, no)).map(yes::equals);
  }

  /** A date, typed as {@code 2026-12-31} or {@code 31.12.2026}. */
  public static Prompt<LocalDate> date(String question) {
    return of(question, PromptAnswers::date, "Please send a date such as 31.12.2026.");
  }

  /** A shared location (a button is shown). */
  public static Prompt<Location> location(String question) {
    return of(question, PromptAnswers::location, "Please share a location.")
        .keyboard(ctx -> Keyboard.inline().withRow(Keyboard.requestLocation("Share my location", false)));
  }

  /**
   * This prompt with a Back button labelled {@code label} under its question (after its own
   * buttons): pressing it goes back to the previous step, as {@link Context#back()}.
   */
  public Prompt<T> withBack(String label) {
    Objects.requireNonNull(label, "label");
    return new Prompt<>(question, keyboard, parser, validator, retry, maxAttempts, giveUp, label);
  }

  /** The data of a prompt's Back button. */
  @PayloadType(tag = "pb")
  public record Back() {}

  /** This prompt with an extra check of the parsed value; a value failing it counts as a failed answer. */
  public Prompt<T> validate(Predicate<T> check) {
    Objects.requireNonNull(check, "check");
    return new Prompt<>(question, keyboard, parser, validator.and(check), retry, maxAttempts, giveUp, back);
  }

  /** This prompt re-asking with {@code message} after an answer that does not parse or validate. */
  public Prompt<T> retry(String message) {
    return new Prompt<>(question, keyboard, parser, validator, message, maxAttempts, giveUp, back);
  }

  /**
   * This prompt giving up after {@code max} failed answers (default 3): it replies {@code message}
   * and runs the step's give-up handler (by default it leaves the scene).
   */
  public Prompt<T> attempts(int max, String message) {
    if (max < 1) {
      throw new IllegalArgumentException("a prompt needs at least 1 attempt, not " + max);
    }
    return new Prompt<>(question, keyboard, parser, validator, retry, max, message, back);
  }

  private Prompt<T> keyboard(Function<Context<?>, Keyboard> buttons) {
    return new Prompt<>(question, buttons, parser, validator, retry, maxAttempts, giveUp, back);
  }

  private <R> Prompt<R> map(Function<T, R> mapping) {
    return new Prompt<>(question, keyboard, ctx -> parser.apply(ctx).map(mapping), value -> true, retry,
        maxAttempts, giveUp, back);
  }

  /** Asks the question (with its buttons and Back button, if any). */
  void ask(Context<?> ctx) {
    Keyboard buttons = keyboard == null ? null : keyboard.apply(ctx);
    if (back != null) {
      Keyboard base = buttons == null ? Keyboard.inline() : buttons;
      buttons = base.withRow(ctx.button(back, new Back()));
    }
    if (buttons == null) {
      ctx.reply(question);
    } else {
      ctx.reply(question, buttons);
    }
  }

  /** The answer in {@code ctx} when it parses and validates. */
  Optional<T> parse(Context<?> ctx) {
    return parser.apply(ctx).filter(validator);
  }

  String retryMessage() {
    return retry;
  }

  int maxAttempts() {
    return maxAttempts;
  }

  String giveUpMessage() {
    return giveUp;
  }
}
