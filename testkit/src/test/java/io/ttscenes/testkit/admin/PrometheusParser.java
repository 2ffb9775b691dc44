package io.ttscenes.testkit.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the official Prometheus Python client's text parser on a scrape (Debian's
 * python3-prometheus-client, which .ci/run installs) and returns its samples; fails with the
 * install command when the parser is missing, and with the parser's error on a malformed scrape.
 */
final class PrometheusParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PrometheusParser() {}

  /** One sample as the parser read it. */
  record Sample(String family, String type, String name, JsonNode labels, double value) {
    String label(String name) {
      return labels.path(name).asText(null);
    }
  }

  static List<Sample> parse(String scrape) throws IOException, InterruptedException {
    Path script = Files.createTempFile("parse_prometheus", ".py");
    try (InputStream in = PrometheusParser.class.getResourceAsStream("parse_prometheus.py")) {
      Files.write(script, in.readAllBytes());
    }
    // Debian's interpreter, where the package installs the parser (a pyenv python3 on the PATH has none).
    String interpreter = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    Process python = new ProcessBuilder(interpreter, script.toString()).start();
    try (OutputStream stdin = python.getOutputStream()) {
      stdin.write(scrape.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!python.waitFor(60, TimeUnit.SECONDS) || python.exitValue() != 0) {
      throw new AssertionError("the Prometheus text parser rejected the scrape or is missing: " + err);
    }
    Files.deleteIfExists(script);
    List<Sample> samples = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        JsonNode node = JSON.readTree(line);
        samples.add(new Sample(node.get("family").asText(), node.get("type").asText(), node.get("name").asText(),
            node.get("labels"), node.get("value").asDouble()));
      }
    }
    return samples;
  }
}
