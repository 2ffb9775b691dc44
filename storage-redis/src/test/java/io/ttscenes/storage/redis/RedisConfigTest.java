package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class RedisConfigTest {
  @Test
  void plainUrlGetsTheDefaults() {
    RedisConfig config = RedisConfig.fromUrl("redis://cache");
    assertEquals("cache", config.host());
    assertEquals(6379, config.port());
    assertEquals(0, config.database());
    assertFalse(config.tls());
    assertEquals(Optional.empty(), config.password());
    assertEquals("tts:bot:", config.keyPrefix());
    assertFalse(config.nearCache());
    assertFalse(config.cluster());
  }

  @Test
  void tlsUserPasswordPortAndDatabaseAreRead() {
    RedisConfig config = RedisConfig.fromUrl("rediss://app:s%40cret@redis.example:6380/3");
    assertTrue(config.tls());
    assertEquals(Optional.of("app"), config.user());
    assertEquals(Optional.of("s@cret"), config.password());
    assertEquals("redis.example", config.host());
    assertEquals(6380, config.port());
    assertEquals(3, config.database());
  }

  @Test
  void passwordWithoutUserIsRead() {
    RedisConfig config = RedisConfig.fromUrl("redis://:hunter2@localhost:6390/1");
    assertEquals(Optional.empty(), config.user());
    assertEquals(Optional.of("hunter2"), config.password());
  }

  @Test
  void printedFormHidesThePassword() {
    RedisConfig config = RedisConfig.fromUrl("rediss://app:hunter2@cache:6380/2");
    assertEquals("rediss://app:***@cache:6380/2", config.redactedUrl());
    assertFalse(config.toString().contains("hunter2"), config.toString());
  }

  @Test
  void botNameSetsThePrefix() {
    RedisConfig config = RedisConfig.fromUrl("redis://cache").newBuilder()
        .botName("faq").nearCache(true).poolSize(4).build();
    assertEquals("tts:faq:", config.keyPrefix());
    assertTrue(config.nearCache());
    assertEquals(4, config.poolSize());
    assertEquals("cache", config.host(), "newBuilder keeps the address");
  }

  @Test
  void wrongUrlsAreRejectedNamingWhatIsWrong() {
    assertEquals("redis url scheme is 'http'; expected redis://, rediss://, redis-cluster:// or rediss-cluster://",
        assertThrows(IllegalArgumentException.class,
            () -> RedisConfig.fromUrl("http://cache:6379")).getMessage());
    assertEquals("redis url database is 'x'; expected a number >= 0",
        assertThrows(IllegalArgumentException.class,
            () -> RedisConfig.fromUrl("redis://cache/x")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> RedisConfig.fromUrl("redis:///0")).getMessage().startsWith("redis url has no host"));
  }

  @Test
  void prefixWithAHashTagIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RedisConfig.fromUrl("redis://cache").newBuilder().keyPrefix("tts:{faq}:"));
    assertEquals("keyPrefix is 'tts:{faq}:'; it must not contain '{' or '}' (hash tags)",
        e.getMessage());
  }

  @Test
  void aBadUrlIsRefusedWithoutShowingItsPasswordInTheMessageOrTheCause() {
    for (String url : List.of("redis://hun ter2@cache:6379/0", "redis://:hun ter2@cache", "redis://hunter2@/0",
        "redis://user:hun/ter2@cache/0")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RedisConfig.fromUrl(url));
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertFalse(String.valueOf(t.getMessage()).contains("hun"), url + " -> " + t);
      }
    }
  }

  @Test
  void aPasswordWithoutAUserIsMaskedInTheRedactedUrl() {
    assertEquals("redis://:***@cache:6379/0", RedisConfig.fromUrl("redis://hunter2@cache").redactedUrl());
  }
}
