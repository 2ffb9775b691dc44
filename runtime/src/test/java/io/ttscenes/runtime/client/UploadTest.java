package io.ttscenes.runtime.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ttscenes.api.client.UploadSource;
import io.ttscenes.api.model.PhotoTokens;
import io.ttscenes.api.model.UploadType;
import io.ttscenes.api.model.UploadedInfo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Multipart and resumable uploads against an upload server played by MockWebServer. */
final class UploadTest {
  private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
  private final ApiServer api = new ApiServer();

  UploadTest() throws Exception {}

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void smallImageGoesInOneMultipartRequestAsFieldData() throws Exception {
    api.reply("{\"url\":\"" + api.server.url("/upload/img") + "\"}");
    api.reply("{\"photos\":{\"big\":{\"token\":\"ph-1\"}}}");
    OkHttpBotApi client = api.client().build();

    PhotoTokens tokens =
        client.uploadImage(UploadSource.of("cat.png", "PNGDATA".getBytes(StandardCharsets.UTF_8)));

    RecordedRequest slot = api.take();
    assertEquals("/uploads", slot.getUrl().encodedPath());
    assertEquals("image", slot.getUrl().queryParameter("type"));
    RecordedRequest upload = api.take();
    assertEquals("POST", upload.getMethod());
    assertTrue(upload.getHeaders().get("Content-Type").startsWith("multipart/form-data"));
    String form = upload.getBody().utf8();
    assertTrue(form.contains("Content-Disposition: form-data; name=\"data\"; filename=\"cat.png\""),
        form);
    assertTrue(form.contains("PNGDATA"), form);
    assertEquals("ph-1", tokens.photos().get("big").token());
  }

  @Test
  void imagesMustUseUploadImage() {
    OkHttpBotApi client = api.client().build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> client.uploadMedia(UploadType.IMAGE, UploadSource.of("a", new byte[1])));
    assertEquals("upload type image returns photo tokens: use uploadImage", e.getMessage());
  }

  @Test
  void cutChunkIsResumedFromTheLastByteTheServerHasAndEveryByteArrivesOnce() throws Exception {
    byte[] file = "0123456789abcdefghijklmno".getBytes(StandardCharsets.US_ASCII);
    ResumableServer upload = new ResumableServer(file.length);
    api.server.setDispatcher(upload);
    OkHttpBotApi client = api.client().resumableUploads(20, 10).build();

    UploadedInfo info = client.uploadMedia(UploadType.VIDEO, UploadSource.of("movie.mp4", file));

    assertEquals("video-token", info.token());
    assertArrayEquals(file, upload.stored.toByteArray());
    assertEquals(List.of("bytes 0-9/25", "bytes 5-14/25", "bytes 15-24/25"), upload.ranges);
    assertEquals(List.of("status: 0-4/25"), upload.statusAnswers);
    assertEquals(List.of(), upload.violations);
    assertEquals(List.of(200L), api.time.sleepMillis());
    assertEquals(Set.of("attachment; filename=\"movie.mp4\""), upload.dispositions);
  }

  @Test
  void unknownStatusResendsTheChunkFromItsOffsetAndFollowsTheStatusOfThe416() throws Exception {
    byte[] file = "0123456789abcdefghijklmno".getBytes(StandardCharsets.US_ASCII);
    ResumableServer upload = new ResumableServer(file.length);
    upload.statusUnknown = true;
    api.server.setDispatcher(upload);
    OkHttpBotApi client = api.client().resumableUploads(20, 10).build();

    UploadedInfo info = client.uploadMedia(UploadType.FILE, UploadSource.of("a.bin", file));

    assertEquals("video-token", info.token());
    assertArrayEquals(file, upload.stored.toByteArray());
    // The status GET fails, so the cut chunk goes again from byte 0 (its own offset); the server
    // kept 5 bytes and refuses it with 416 and {"received":5}; the client continues there.
    assertEquals(List.of("bytes 0-9/25", "bytes 0-9/25", "bytes 5-14/25", "bytes 15-24/25"),
        upload.ranges);
    assertEquals(List.of("status: 500", "416: received 5"), upload.statusAnswers);
    assertEquals(List.of(200L), api.time.sleepMillis());
  }

  @Test
  void nonAsciiFileNameTravelsAsRfc5987() {
    assertEquals(
        "attachment; filename=\"____.mp4\"; filename*=UTF-8''%D1%84%D0%B8%D0%BB%D1%8C.mp4",
        UploadClient.contentDisposition("филь.mp4"));
    assertEquals("attachment; filename=\"a_b_.txt\"; filename*=UTF-8''a%22b%D1%8F.txt",
        UploadClient.contentDisposition("a\"bя.txt"));
  }

  /**
   * Plays TamTam plus its upload server. The first chunk's connection is cut after the server kept
   * only half of it; a status GET answers the last byte kept; chunks must continue exactly there.
   * With {@code statusUnknown} the status GET fails and a chunk at the wrong byte gets 416 with the
   * bytes received, as the emulator answers.
   */
  private final class ResumableServer extends Dispatcher {
    final ByteArrayOutputStream stored = new ByteArrayOutputStream();
    final List<String> ranges = new CopyOnWriteArrayList<>();
    final List<String> statusAnswers = new CopyOnWriteArrayList<>();
    final List<String> violations = new CopyOnWriteArrayList<>();
    final Set<String> dispositions = ConcurrentHashMap.newKeySet();
    private final long total;
    private boolean cut;
    boolean statusUnknown;

    ResumableServer(long total) {
      this.total = total;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      if (path.equals("/uploads")) {
        return json("{\"url\":\"" + api.server.url("/upload/video") + "\"}");
      }
      if (request.getMethod().equals("GET") && statusUnknown) {
        statusAnswers.add("status: 500");
        return new MockResponse.Builder().code(500).build();
      }
      if (request.getMethod().equals("GET")) {
        String answer = "0-" + (stored.size() - 1) + "/" + total;
        statusAnswers.add("status: " + answer);
        return new MockResponse.Builder().code(200).body(answer).build();
      }
      return chunk(request);
    }

    private MockResponse chunk(RecordedRequest request) {
      String range = request.getHeaders().get("Content-Range");
      ranges.add(range);
      dispositions.add(request.getHeaders().get("Content-Disposition"));
      Matcher m = RANGE.matcher(range);
      if (!m.matches()) {
        violations.add("bad range " + range);
        return new MockResponse.Builder().code(400).build();
      }
      long first = Long.parseLong(m.group(1));
      if (first != stored.size() && statusUnknown) {
        statusAnswers.add("416: received " + stored.size());
        return new MockResponse.Builder().code(416)
            .body("{\"code\":\"range.not.satisfiable\",\"received\":" + stored.size() + "}").build();
      }
      if (first != stored.size()) {
        violations.add("chunk starts at " + first + " but the server has " + stored.size());
      }
      if (request.getHeaders().get("Content-Type").startsWith("multipart")) {
        violations.add("resumable chunk sent as multipart");
      }
      byte[] body = request.getBody().toByteArray();
      if (!cut) {
        cut = true;
        stored.write(body, 0, body.length / 2);
        return new MockResponse.Builder()
            .onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
      }
      stored.write(body, 0, body.length);
      return Long.parseLong(m.group(2)) == total - 1
          ? json("{\"token\":\"video-token\"}")
          : new MockResponse.Builder().code(200).build();
    }

    private MockResponse json(String body) {
      return new MockResponse.Builder().code(200).body(body).build();
    }
  }
}
