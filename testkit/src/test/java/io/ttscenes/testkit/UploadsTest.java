package io.ttscenes.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

final class UploadsTest extends EmulatorTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private String uploadUrl(String type) {
    return api.post("/uploads?type=" + type, "").json().path("url").asText();
  }

  private JsonNode send(HttpRequest.Builder request, int expectedStatus) throws Exception {
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(expectedStatus, response.statusCode(), response.body());
    return Json.MAPPER.readTree(response.body());
  }

  private static byte[] multipart(String boundary, String filename, byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\""
        + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.write(content);
    out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @Test
  void multipartFileUploadGivesATokenUsableInAMessage() throws Exception {
    byte[] content = "report body\r\n--not a boundary".getBytes(StandardCharsets.UTF_8);
    JsonNode result = send(HttpRequest.newBuilder(URI.create(uploadUrl("file")))
        .header("Content-Type", "multipart/form-data; boundary=XyZ")
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("XyZ", "report.txt", content))), 200);
    EmulatedUser alice = emulator.user("Alice");

    String token = result.path("token").asText();
    api.post("/messages?chat_id=" + alice.chatId(),
        "{\"text\":\"here\",\"attachments\":[{\"type\":\"file\",\"payload\":{\"token\":\"" + token + "\"}}]}");
    JsonNode attachment = alice.awaitMessage(Duration.ofSeconds(10)).attachments().get(0);

    assertEquals("file", attachment.path("type").asText());
    assertEquals("report.txt", attachment.path("filename").asText());
    assertEquals(content.length, attachment.path("size").asInt());
    byte[] served = http.send(HttpRequest.newBuilder(URI.create(attachment.path("payload").path("url").asText()))
        .build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    assertArrayEquals(content, served);
  }

  @Test
  void imageUploadAnswersWithPhotoTokens() throws Exception {
    JsonNode result = send(HttpRequest.newBuilder(URI.create(uploadUrl("image")))
        .header("Content-Type", "multipart/form-data; boundary=b1")
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("b1", "cat.png", new byte[] {1, 2, 3}))), 200);
    EmulatedUser alice = emulator.user("Alice");

    JsonNode photos = result.path("photos");
    api.post("/messages?chat_id=" + alice.chatId(),
        "{\"text\":null,\"attachments\":[{\"type\":\"image\",\"payload\":{\"photos\":" + photos + "}}]}");

    assertEquals(1, photos.size());
    JsonNode image = alice.awaitMessage(Duration.ofSeconds(10)).attachments().get(0);
    assertEquals("image", image.path("type").asText());
    assertTrue(image.path("payload").path("photo_id").asLong() > 0);
  }

  @Test
  void resumableUploadContinuesAfterACutConnection() throws Exception {
    byte[] content = new byte[3000];
    Arrays.fill(content, (byte) 7);
    content[2999] = 9;
    String url = uploadUrl("video");

    cutChunk(URI.create(url), content, 0, 1000, 400);
    JsonNode status = statusOnceReceived(url, 400);
    long received = status.path("received").asLong();
    JsonNode wrongStart = send(chunk(url, content, 0, 3000), 416);
    JsonNode done = send(chunk(url, content, (int) received, 3000), 200);

    assertEquals("in_progress", status.path("status").asText());
    assertEquals(400, received);
    assertEquals(400, wrongStart.path("received").asLong());
    String token = done.path("token").asText();
    assertTrue(!token.isEmpty(), done.toString());
    assertEquals("completed", send(HttpRequest.newBuilder(URI.create(url)).GET(), 200).path("status").asText());
    EmulatedUser alice = emulator.user("Alice");
    BotApiClient.Reply sent = api.post("/messages?chat_id=" + alice.chatId(),
        "{\"text\":\"clip\",\"attachments\":[{\"type\":\"video\",\"payload\":{\"token\":\"" + token + "\"}}]}");
    assertEquals(200, sent.status());
  }

  @Test
  void unfinishedUploadIsNotReadyForAttachments() throws Exception {
    String url = uploadUrl("audio");
    send(chunk(url, new byte[100], 0, 50).header("Content-Range", "bytes 0-49/100"), 200);
    String token = uploadedTokenOf(url);
    EmulatedUser alice = emulator.user("Alice");

    BotApiClient.Reply reply = api.post("/messages?chat_id=" + alice.chatId(),
        "{\"text\":\"x\",\"attachments\":[{\"type\":\"audio\",\"payload\":{\"token\":\"" + token + "\"}}]}");

    assertEquals(400, reply.status());
    assertEquals("attachment.not.ready", reply.code());
  }

  /** The token is only revealed at completion, so read it from the emulator's side. */
  private String uploadedTokenOf(String url) {
    String id = url.substring(url.lastIndexOf('/') + 1);
    return emulator.uploadToken(id);
  }

  private static HttpRequest.Builder chunk(String url, byte[] content, int from, int to) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/octet-stream")
        .header("Content-Range", "bytes " + from + "-" + (to - 1) + "/" + content.length)
        .POST(HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(content, from, to)));
  }

  /** Declares a chunk of {@code from..to} but closes the socket after {@code sent} bytes. */
  /**
   * The emulator learns of the cut only when its handler thread reads the end of the stream, which
   * may come after the client closed; ask for the status until it shows the bytes (deadline 10 s).
   */
  private JsonNode statusOnceReceived(String url, long bytes) throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    JsonNode status = send(HttpRequest.newBuilder(URI.create(url)).GET(), 200);
    while (status.path("received").asLong() < bytes && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      status = send(HttpRequest.newBuilder(URI.create(url)).GET(), 200);
    }
    return status;
  }

  private static void cutChunk(URI url, byte[] content, int from, int to, int sent) throws IOException {
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      OutputStream out = socket.getOutputStream();
      String head = "POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + "\r\n"
          + "Content-Type: application/octet-stream\r\nContent-Length: " + (to - from) + "\r\n"
          + "Content-Range: bytes " + from + "-" + (to - 1) + "/" + content.length + "\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(content, from, sent);
      out.flush();
    }
  }
}
