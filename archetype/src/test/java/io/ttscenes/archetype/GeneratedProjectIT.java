package io.ttscenes.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The newcomer path, with the same commands as the READMEs: generate a project from the
 * archetype, build it (its kit test must pass), start its jar with no token and talk to the bot
 * through the emulator's web chat routes. Maven runs against a private repository ({@link Maven}).
 */
final class GeneratedProjectIT {
  private static final String ARTIFACT = "lunch-bot";
  private static Path work;

  @BeforeAll
  static void freshFolder() throws Exception {
    work = Files.createDirectories(Path.of(Maven.property("it.work")));
    work = Files.createTempDirectory(work, "generated-");
  }

  @Test
  void generatedProjectPassesItsTestsAndItsJarAnswersInTheWebChat() throws Exception {
    Maven.Run generate = generate(work);
    assertEquals(0, generate.exitCode(), generate.tail());
    Path project = work.resolve(ARTIFACT);
    assertTrue(Files.isRegularFile(project.resolve("src/main/java/com/example/lunch/HelloBot.java")));
    assertTrue(Files.readString(project.resolve("README.md")).contains("java -jar target/" + ARTIFACT + ".jar"));

    Maven.Run verify = Maven.run(project, work.resolve("verify.log"), "verify");
    assertEquals(0, verify.exitCode(), verify.tail());
    String report = Files.readString(project.resolve(
        "target/surefire-reports/com.example.lunch.HelloBotTest.txt"));
    assertTrue(report.contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0"), report);

    try (DevJar jar = DevJar.start(project.resolve("target/" + ARTIFACT + ".jar"), work.resolve("jar.log"))) {
      String reply = jar.say("Ann", "/me", "I do not know you yet");
      assertTrue(reply.contains("I do not know you yet: send /start."), reply);
    }
  }

  @Test
  void generatingIntoAFolderThatHoldsTheProjectAlreadyFailsClearly() throws Exception {
    Path taken = Files.createDirectories(work.resolve("taken").resolve(ARTIFACT));
    Files.writeString(taken.resolve("notes.txt"), "mine; do not overwrite");

    Maven.Run generate = generate(taken.getParent());

    assertNotEquals(0, generate.exitCode(), generate.tail());
    assertTrue(generate.output().contains("that folder is not empty (it holds notes.txt)"), generate.tail());
    assertEquals(List.of(taken.resolve("notes.txt")), Files.list(taken).toList());
    assertEquals("mine; do not overwrite", Files.readString(taken.resolve("notes.txt")));
  }

  @Test
  void generatingInsideAnotherMavenProjectFailsAndTakesTheModuleBackOutOfItsPom() throws Exception {
    Path outer = Files.createDirectories(work.resolve("outer"));
    Files.writeString(outer.resolve("pom.xml"), "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
        + "  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.example</groupId>\n"
        + "  <artifactId>outer</artifactId>\n  <version>1</version>\n  <packaging>pom</packaging>\n</project>\n");

    Maven.Run generate = generate(outer);

    assertNotEquals(0, generate.exitCode(), generate.tail());
    assertTrue(generate.output().contains("that folder holds a Maven project"), generate.tail());
    assertFalse(Files.exists(outer.resolve(ARTIFACT)), "the generated project is left behind");
    String pom = Files.readString(outer.resolve("pom.xml"));
    assertFalse(pom.contains("<module>"), pom);
  }

  /** The README's generate command, with this build's version. */
  private static Maven.Run generate(Path folder) throws Exception {
    return Maven.run(folder, folder.resolve("generate.log"),
        "org.apache.maven.plugins:maven-archetype-plugin:" + Maven.property("archetype.version") + ":generate",
        "-DarchetypeCatalog=local", "-DarchetypeGroupId=io.ttscenes", "-DarchetypeArtifactId=ttscenes-archetype",
        "-DarchetypeVersion=" + Maven.property("ttscenes.version"),
        "-DgroupId=com.example.lunch", "-DartifactId=" + ARTIFACT, "-Dversion=1.0-SNAPSHOT");
  }
}
