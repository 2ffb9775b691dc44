package io.ttscenes.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

final class DataVersionsTest {
  record Data(String value) {}

  private static ObjectNode node() {
    return JsonNodeFactory.instance.objectNode().put("a", 1);
  }

  @Test
  void migrationsRunInOrderFromTheStoredVersionOnly() {
    DataVersions versions = Scene.builder("s", Data.class).dataVersion(3)
        .migrate(2, n -> n.put("steps", n.path("steps").asText() + "2"))
        .migrate(1, n -> n.put("steps", "1"))
        .build().dataVersions();

    assertEquals("12", versions.upgrade(node(), 1).get("steps").asText());
    assertEquals("2", versions.upgrade(node(), 2).get("steps").asText());
    ObjectNode current = node();
    assertSame(current, versions.upgrade(current, 3), "data at the current version is left as it is");
  }

  @Test
  void aMissingStepANewerVersionAndANullResultAreRefusedByName() {
    DataVersions gap = Scene.builder("s", Data.class).dataVersion(3).migrate(2, n -> n).build().dataVersions();
    assertEquals("no migration from version 1 to 2",
        assertThrows(IllegalArgumentException.class, () -> gap.upgrade(node(), 1)).getMessage());
    assertEquals("data of version 4 cannot be read at version 3",
        assertThrows(IllegalArgumentException.class, () -> gap.upgrade(node(), 4)).getMessage());
    DataVersions nulls = Scene.builder("s", Data.class).dataVersion(2).migrate(1, n -> null).build().dataVersions();
    assertEquals("the migration from version 1 returned null",
        assertThrows(IllegalStateException.class, () -> nulls.upgrade(node(), 1)).getMessage());
  }

  @Test
  void badVersionsAndMigrationsAreReportedWhenTheBotIsBuilt() {
    Bot.Builder builder = Bot.builder("versions")
        .scene(Scene.builder("zero", Data.class).dataVersion(0).build())
        .scene(Scene.builder("beyond", Data.class).dataVersion(2).migrate(2, n -> n).migrate(1, n -> n)
            .migrate(1, n -> n).build())
        .sessionDataVersion(1).migrateSessionData(1, n -> n);

    BotConfigurationException error = assertThrows(BotConfigurationException.class, builder::build);

    assertEquals(List.of(
        "scene 'zero': data version is 0; it must be 1 or more",
        "scene 'beyond': the migration from data version 1 is declared twice",
        "scene 'beyond': a migration from data version 2 is declared, but the data version is 2 "
            + "(migrations go from 1 up to 1)",
        "session data: a migration from data version 1 is declared, but the data version is 1; "
            + "raise the data version with each migration"), error.problems());
  }
}
