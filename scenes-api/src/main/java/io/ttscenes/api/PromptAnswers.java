package io.ttscenes.api;

import io.ttscenes.api.keyboard.Keyboard;
import io.ttscenes.api.model.ContactAttachment;
import io.ttscenes.api.model.LocationAttachment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the answers of the ready {@link Prompt}s from a context's update. */
final class PromptAnswers {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,20}[0-9]");
  private static final Pattern VCF_PHONE = Pattern.compile("(?m)^TEL[^:]*:(.+?)\\r?$");
  private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
      DateTimeFormatter.ofPattern("d.M.uuuu"));

  private PromptAnswers() {}

  static Optional<String> text(Context<?> ctx) {
    return Optional.of(ctx.text().strip()).filter(text -> !text.isEmpty());
  }

  static Optional<Integer> integer(Context<?> ctx) {
    try {
      return text(ctx).map(Integer::valueOf);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Optional<BigDecimal> decimal(Context<?> ctx) {
    try {
      return text(ctx).map(text -> new BigDecimal(text.replace(',', '.')));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Optional<String> email(Context<?> ctx) {
    return text(ctx).filter(text -> EMAIL.matcher(text).matches());
  }

  /** The phone of a shared contact (its vCard's TEL line), else a typed number. */
  static Optional<String> phone(Context<?> ctx) {
    Optional<String> shared = Updates.attachments(ctx.update()).stream()
        .filter(ContactAttachment.class::isInstance).map(ContactAttachment.class::cast)
        .map(contact -> contact.payload() == null ? null : contact.payload().vcfInfo())
        .filter(vcf -> vcf != null).map(VCF_PHONE::matcher).filter(Matcher::find)
        .map(m -> m.group(1).strip()).findFirst();
    return shared.or(() -> text(ctx).filter(text -> PHONE.matcher(text).matches()));
  }

  static Optional<LocalDate> date(Context<?> ctx) {
    Optional<String> text = text(ctx);
    for (DateTimeFormatter format : DATES) {
      try {
        return text.map(value -> LocalDate.parse(value, format));
      } catch (DateTimeParseException e) {
        // try the next format
      }
    }
    return Optional.empty();
  }

  static Optional<Prompt.Location> location(Context<?> ctx) {
    return Updates.attachments(ctx.update()).stream().filter(LocationAttachment.class::isInstance)
        .map(LocationAttachment.class::cast)
        .map(l -> new Prompt.Location(l.latitude(), l.longitude())).findFirst();
  }

  /** The index of the pressed choice button, when a current one was pressed. */
  static Optional<Integer> chosen(Context<?> ctx) {
    try {
      return Optional.of(ctx.payload(Prompt.Choice.class).index());
    } catch (IllegalStateException e) {
      return Optional.empty();
    }
  }

  static Keyboard buttons(Context<?> ctx, List<String> options) {
    Keyboard keyboard = Keyboard.inline();
    for (int i = 0; i < options.size(); i++) {
      keyboard = keyboard.withRow(ctx.button(options.get(i), new Prompt.Choice(i)));
    }
    return keyboard;
  }
}
