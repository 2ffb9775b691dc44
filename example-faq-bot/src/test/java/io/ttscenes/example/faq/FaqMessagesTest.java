package io.ttscenes.example.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.i18n.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The FAQ bot's own message bundles: same keys in English and Russian, Russian plurals, English fallback. */
final class FaqMessagesTest {
  private static final Messages MESSAGES = FaqBot.messages();
  private static final Locale RU = Locale.forLanguageTag("ru");

  @Test
  void englishAndRussianHaveTheSameKeysAndEveryPatternParses() {
    assertEquals(List.of(), MESSAGES.problems());
    assertEquals(Set.of(Locale.ENGLISH, RU), MESSAGES.locales());
  }

  @Test
  void russianCountsTakeTheirPluralForm() {
    assertEquals(List.of("1 символ", "3 символа", "5 символов", "11 символов", "21 символ", "3001 символ"),
        List.of(1, 3, 5, 11, 21, 3001).stream().map(n -> tooLong(n).split(";")[0].substring("Здесь ".length()))
            .toList());
    assertEquals("Ваш вопрос отменён: 2 минуты без ответа. Отправьте /support, чтобы начать снова.",
        MESSAGES.format(RU, "support.dropped", 2));
    assertEquals("Обращение SUP-1 закрыто: 5 часов без сообщений. Отправьте /support, чтобы спросить снова.",
        MESSAGES.format(RU, "desk.expired", "SUP-1", 5));
  }

  @Test
  void aLocaleWithoutABundleReadsEnglish() {
    assertEquals(Locale.ENGLISH, MESSAGES.resolve(Locale.GERMAN));
    assertEquals("Ticket SUP-1 closed after 1 hour without messages. Send /support to ask again.",
        MESSAGES.format(Locale.GERMAN, "desk.expired", "SUP-1", 1));
    assertEquals(MESSAGES.format(Locale.ENGLISH, "desk.closed", "SUP-1"),
        MESSAGES.format(Locale.forLanguageTag("pt-BR"), "desk.closed", "SUP-1"));
  }

  private static String tooLong(int length) {
    return MESSAGES.format(RU, "desk.too-long", String.valueOf(length), "3000", length);
  }
}
