package io.ttscenes.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ttscenes.api.Bot;
import io.ttscenes.api.Scene;
import io.ttscenes.runtime.json.WireJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The codec's versions: stamps, migrations on both read paths, strict binding, and what failures tell. */
final class VersionedSessionCodecTest {
  record CartV1(String item, int count) {}

  record Cart(String product, int count) {}

  record Person(@JsonProperty(required = true) String name, Integer age) {}

  /** Data with derived getters, which Jackson writes but has nothing to read into. */
  record Total(int price, int count) {
    public int getTotal() {
      return price * count;
    }

    public boolean isFree() {
      return price == 0;
    }
  }

  /** A plain class keeping state in fields, with a derived getter. */
  static final class Counter {
    private int hits;

    public int getDoubled() {
      return hits * 2;
    }
  }

  private final ObjectMapper mapper = WireJson.create();
  private final Scene<Cart> cart = Scene.builder("cart", Cart.class)
      .dataVersion(2)
      .migrate(1, node -> {
        node.set("product", node.remove("item"));
        return node;
      })
      .step("count", s -> s.onText(ctx -> { }))
      .build();
  private final Bot bot = Bot.builder("versions").scene(cart)
      .scene(Scene.builder("person", Person.class).onText(ctx -> { }).build())
      .sessionData(Cart.class, () -> new Cart("none", 0)).sessionDataVersion(2)
      .migrateSessionData(1, node -> node.put("product", node.remove("item").asText() + "!"))
      .root(r -> r.onText(ctx -> { }))
      .build();
  private final SessionCodec codec = new SessionCodec(bot, mapper);

  @Test
  void versionsAreWrittenBeforeTheirDataAndReadBackInOnePass() throws Exception {
    Session session = new Session(cart, "count", new Cart("tea", 2), new Cart("milk", 1), List.of(), Jobs.none(),
        1L, 10L);

    String json = codec.encode(session);

    assertTrue(json.startsWith("{\"scene\":\"cart\",\"step\":\"count\",\"dv\":2,\"data\":"), json);
    assertTrue(json.contains("\"sv\":2,\"session\":"), json);
    Session read = new OnePassSessionReader(bot, codec.mapper(), new VersionedData(codec.mapper()))
        .read("k", json).orElseThrow();
    assertEquals(new Cart("tea", 2), read.data);
    assertEquals(new Cart("milk", 1), read.sessionData);
    assertNull(read.reset);
  }

  @Test
  void dataOfAnOlderVersionMigratesThroughTheTreePath() {
    String json = "{\"scene\":\"cart\",\"step\":\"count\",\"data\":{\"item\":\"tea\",\"count\":2},"
        + "\"session\":{\"item\":\"milk\",\"count\":1},\"user\":1}";
    OnePassSessionReader onePass = new OnePassSessionReader(bot, codec.mapper(), new VersionedData(codec.mapper()));
    assertTrue(onePass.read("k", json).isEmpty(), "version 1 data is not the plain case for a version 2 scene");

    Session read = codec.decode("k", json);

    assertEquals(new Cart("tea", 2), read.data);
    assertEquals(new Cart("milk!", 1), read.sessionData);
    assertNull(read.reset);
    assertEquals("cart", read.scene.id());
  }

  @Test
  void aVersionAfterItsDataIsNotTakenInOnePass() {
    String json = "{\"scene\":\"cart\",\"data\":{\"product\":\"tea\",\"count\":2},\"dv\":2}";
    OnePassSessionReader onePass = new OnePassSessionReader(bot, codec.mapper(), new VersionedData(codec.mapper()));

    assertTrue(onePass.read("k", json).isEmpty());
    assertEquals(new Cart("tea", 2), codec.decode("k", json).data);
  }

  @Test
  void aMissingRequiredFieldStartsTheSessionOver() {
    Session read = codec.decode("k", "{\"scene\":\"person\",\"data\":{\"age\":3},\"user\":1}");

    assertNull(read.scene);
    assertEquals(new FlowEvent.SessionReset("person", "not_decoded"), read.reset);
  }

  @Test
  void derivedGettersAreStoredAndReadBackWithoutAReset() {
    Bot derived = Bot.builder("derived").scene(Scene.builder("total", Total.class).onText(ctx -> { }).build())
        .sessionData(Counter.class, Counter::new).root(r -> r.onText(ctx -> { })).build();
    SessionCodec derivedCodec = new SessionCodec(derived, mapper);
    Counter counter = new Counter();
    counter.hits = 4;
    String json = derivedCodec.encode(new Session(derived.scene("total").orElseThrow(), null, new Total(3, 2),
        counter, List.of(), Jobs.none(), 1L, 10L));
    assertTrue(json.contains("\"total\":6") && json.contains("\"doubled\":8"), json);

    Session read = derivedCodec.decode("k", json);
    // A repeated field is left to the tree path by the one-pass reader.
    Session viaTrees = derivedCodec.decode("k", json.replace("{\"scene\"", "{\"user\":1,\"scene\""));

    for (Session session : List.of(read, viaTrees)) {
      assertNull(session.reset);
      assertEquals(new Total(3, 2), session.data);
      assertEquals(4, ((Counter) session.sessionData).hits);
    }
    assertEquals(new FlowEvent.SessionReset("total", "not_decoded"),
        derivedCodec.decode("k", json.replace("\"price\"", "\"cost\"")).reset, "a renamed field still fails");
  }

  @Test
  void anUnreadableSessionStartsOverAndIsMarked() {
    Session read = codec.decode("k", "{\"scene\":");

    assertNull(read.scene);
    assertEquals(new Cart("none", 0), read.sessionData);
    assertEquals(new FlowEvent.SessionReset(FlowEvent.ROOT, "unreadable"), read.reset);
  }

  @Test
  void theFailureDetailNamesFieldsButNeverStoredValues() throws Exception {
    VersionedData versioned = new VersionedData(codec.mapper());
    ObjectNode wrongType = (ObjectNode) mapper.readTree("{\"name\":\"Ann\",\"age\":\"Ann Lee, +7 999 123\"}");

    VersionedData.Unreadable e = assertThrows(VersionedData.Unreadable.class,
        () -> versioned.read(wrongType, null, Scene.builder("p", Person.class).build().dataVersions(), Person.class));

    assertEquals(VersionedData.Reason.NOT_DECODED, e.reason());
    assertTrue(e.getMessage().contains("age"), e.getMessage());
    assertFalse(e.getMessage().contains("Ann") || e.getMessage().contains("999"), e.getMessage());
  }

  @Test
  void historyAndSubDialogFramesKeepTheirDataVersion() {
    Session session = new Session(cart, "count", new Cart("tea", 2), null, List.of(), Jobs.none(), 1L, 10L);
    SessionState.HistoryEntry entry = codec.remembered(session);
    assertEquals(2, entry.v());
    assertEquals(new Cart("tea", 2), codec.convert(entry.data(), entry.v(), cart).orElseThrow());

    ObjectNode old = mapper.createObjectNode().put("item", "tea").put("count", 2);
    assertEquals(new Cart("tea", 2), codec.convert(old, null, cart).orElseThrow(), "unversioned is 1");
    assertTrue(codec.convert(old, 3, cart).isEmpty(), "a newer version is not read");

    ObjectNode extras = mapper.createObjectNode();
    DialogStack.push(extras, new DialogStack.Frame("cart", "count", entry.data(), 2, "person"));
    assertEquals(2, DialogStack.pop(extras).orElseThrow().version());
  }
}
