package io.ttscenes.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

/** The fixture itself: it hands out a working, empty Redis and restarts its own on one port. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class RedisServerExtensionTest {
  @RegisterExtension static final RedisServerExtension ANY = RedisServerExtension.any();
  @RegisterExtension static final RedisServerExtension OWN = RedisServerExtension.ownBinary();

  @Test
  @Order(1)
  void handsOutAnEmptyDatabaseThatAnswers() {
    try (UnifiedJedis jedis = ANY.newClient()) {
      assertEquals("PONG", jedis.ping());
      assertEquals(0, jedis.dbSize(), "the database is flushed before the class");
      jedis.set("fixture:probe", "1");
      assertEquals("1", jedis.get("fixture:probe"));
    }
    assertTrue(ANY.url().startsWith("redis://"), ANY.url());
    assertEquals(ANY.port(), java.net.URI.create(ANY.url()).getPort());
  }

  @Test
  @Order(2)
  void ownServerRestartsOnTheSamePortWithItsData() {
    int port = OWN.port();
    try (UnifiedJedis jedis = OWN.newClient()) {
      jedis.set("kept", "yes");
    }
    OWN.stop();
    try (UnifiedJedis jedis = OWN.newClient()) {
      assertThrows(RuntimeException.class, jedis::ping, "the server is down");
    }
    OWN.restart();
    assertEquals(port, OWN.port());
    try (UnifiedJedis jedis = OWN.newClient()) {
      assertEquals("yes", jedis.get("kept"));
    }
    assertTrue(OWN.ownsServer());
  }

  @Test
  @Order(3)
  void stopIsRefusedForAServerItDoesNotOwnWhenGivenAUrl() {
    if (ANY.ownsServer()) {
      assertEquals("127.0.0.1", ANY.host(), "a local binary listens on loopback only");
    } else {
      IllegalStateException e = assertThrows(IllegalStateException.class, ANY::stop);
      assertTrue(e.getMessage().contains("ownBinary()"), e.getMessage());
    }
  }
}
