package io.ttscenes.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ttscenes.api.Bot;
import io.ttscenes.api.client.MessageTarget;
import io.ttscenes.api.model.NewMessageBody;
import io.ttscenes.runtime.fake.FakeTamTam;
import io.ttscenes.runtime.store.InMemorySessionStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Review: the reply body the outbox writes once and reuses as the HTTP body must reach the server
 * as the client would have written it.
 */
final class ReplyBodyReviewTest {
  // A reply cut to a length limit in the middle of an emoji keeps only its high surrogate.
  private static final String CUT = "\uD83D\uDE00\uD83D\uDE00".substring(0, 3);

  @Test
  void aReplyCutInsideAnEmojiReachesTheServerAsTheClientWouldSendIt() throws Exception {
    Bot bot = Bot.builder("cut").root(r -> r.onText(ctx -> ctx.reply("cut " + CUT))).build();
    try (FakeTamTam tamtam = FakeTamTam.start()) {
      // The client writing the body itself escapes the lone surrogate, so the server reads it back.
      tamtam.client().sendMessage(MessageTarget.user(7), NewMessageBody.text("cut " + CUT));
      assertEquals(escaped(List.of("cut " + CUT)), escaped(tamtam.awaitTexts(1)));

      try (Dispatcher dispatcher = Dispatcher.builder(bot, InMemorySessionStore.create(), tamtam.client())
          .build()) {
        dispatcher.submit(TestUpdates.text(7, 70, "hi")).get(10, TimeUnit.SECONDS);
      }

      // The body written once into the outbox goes out as String.getBytes(UTF_8): the lone
      // surrogate becomes '?', and the user reads "cut 😀?" instead of what the client sends.
      assertEquals(escaped(List.of("cut " + CUT, "cut " + CUT)), escaped(tamtam.awaitTexts(2)));
    }
  }

  /** The texts with every non-ASCII char as a Java escape, so a failure report stays readable. */
  private static List<String> escaped(List<String> texts) {
    return texts.stream().map(text -> text.chars()
        .mapToObj(c -> c < 128 ? String.valueOf((char) c) : String.format("\\u%04X", c))
        .reduce("", String::concat)).toList();
  }
}
