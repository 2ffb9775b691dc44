package io.ttscenes.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM and the project template stand apart from the build's parent pom (a bot project must not
 * inherit the build's own libraries), so they repeat some versions; these must not drift.
 */
final class BomMatchesBuildTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void bomHasTheBuildsVersionAndItsJunitAndSlf4j() throws Exception {
    Document parent = read(ROOT.resolve("pom.xml"));
    Document bom = read(ROOT.resolve("bom/pom.xml"));

    assertEquals(child(parent.getDocumentElement(), "version"), child(bom.getDocumentElement(), "version"));
    for (String property : new String[] {"junit.version", "slf4j.version"}) {
      assertEquals(property(parent, property), property(bom, property), property);
    }
  }

  @Test
  void templatePluginsHaveTheBuildsVersions() throws Exception {
    Map<String, String> build = plugins(read(ROOT.resolve("pom.xml")));
    Map<String, String> template = plugins(read(Path.of("src/main/resources/archetype-resources/pom.xml")));

    assertFalse(template.isEmpty());
    template.forEach((plugin, version) -> assertEquals(build.get(plugin), version, plugin));
  }

  private static Document read(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }

  private static String property(Document pom, String name) {
    NodeList found = pom.getElementsByTagName(name);
    assertEquals(1, found.getLength(), name + " in " + pom.getDocumentURI());
    return found.item(0).getTextContent().strip();
  }

  private static Map<String, String> plugins(Document pom) {
    Map<String, String> versions = new TreeMap<>();
    NodeList plugins = pom.getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element plugin = (Element) plugins.item(i);
      String version = child(plugin, "version");
      if (!version.isEmpty() && !version.startsWith("$")) {
        versions.put(child(plugin, "artifactId"), version);
      }
    }
    return versions;
  }

  private static String child(Element element, String name) {
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child && child.getTagName().equals(name)) {
        return child.getTextContent().strip();
      }
    }
    return "";
  }
}
