package io.ttscenes.testkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.Bot;
import io.ttscenes.api.BotConfigurationException;
import io.ttscenes.api.i18n.Messages;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class I18nKitTest {
  @RegisterExtension
  static final BotTester bot = BotTester.of(LinguaBot.create());

  @Test
  void russianUserGetsTheThreePluralForms() {
    TestUser olga = bot.user("olga", "ru-RU");
    olga.sends("/count 1").expectReply("1 ответ")
        .sends("/count 2").expectReply("2 ответа")
        .sends("/count 5").expectReply("5 ответов")
        .sends("/count 21").expectReply("21 ответ");
  }

  @Test
  void englishUserGetsEnglishPlurals() {
    bot.user("emma", "en").sends("/count 1").expectReply("1 answer")
        .sends("/count 5").expectReply("5 answers");
  }

  @Test
  void unknownLocaleFallsBackToTheBotsFirstLocale() {
    bot.user("hans", "de-DE").sends("/count 2").expectReply("2 answers");
    bot.user("nobody", "").sends("/count 2").expectReply("2 answers");
  }

  @Test
  void aTextForSomeoneElseIsInTheirLanguageWithItsPluralsAndUnknownOnesFallBack() {
    TestUser emma = bot.user("emmy", "en");
    emma.sends("/tell ru-RU 5").expectReply("5 ответов")
        .sends("/tell ru 22").expectReply("22 ответа")
        .sends("/tell de 1").expectReply("1 answer")
        .sends("/count 5").expectReply("5 answers");
  }

  @Test
  void userChoiceOverridesTheClientLocaleAndIsKeptForTimeouts() {
    TestUser emma = bot.user("emily", "en");
    emma.sends("/lang ru").expectReply("Язык: русский")
        .sends("/count 3").expectReply("3 ответа")
        .sends("/wait");
    bot.advance(Duration.ofMinutes(5));
    emma.expectReply("Вы ещё здесь?");
  }

  @Test
  void aKeyMissingFromADeclaredLocaleFailsTheBuild() {
    Messages messages = Messages.builder(Locale.ENGLISH)
        .bundle(Locale.ENGLISH, Map.of("hello", "Hello", "bye", "Bye"))
        .bundle(LinguaBot.RU, Map.of("hello", "Привет", "extra", "{0, plural, one{x}"))
        .build();
    BotConfigurationException e = assertThrows(BotConfigurationException.class,
        () -> Bot.builder("broken").messages(messages).build());
    assertTrue(e.getMessage().contains("locale ru has no key 'bye'"), e.getMessage());
    assertTrue(e.getMessage().contains("key 'extra' of locale ru is missing from the fallback en"), e.getMessage());
    assertTrue(e.getMessage().contains("key 'extra' of locale ru is not a valid pattern"), e.getMessage());
  }

  @Test
  void resolvingPicksExactThenLanguageThenFallback() {
    Messages messages = LinguaBot.messages();
    assertEquals(LinguaBot.RU, messages.resolve(Locale.forLanguageTag("ru-RU")));
    assertEquals(Locale.ENGLISH, messages.resolve(Locale.forLanguageTag("fr")));
    assertEquals("5 ответов", messages.format(Locale.forLanguageTag("ru"), "answers", 5));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> messages.format(Locale.ENGLISH, "nope"));
    assertTrue(e.getMessage().contains("message key 'nope'"), e.getMessage());
  }
}
