package io.ttscenes.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ttscenes.api.client.UploadSource;
import io.ttscenes.api.model.UploadType;
import io.ttscenes.api.model.UploadedInfo;
import io.ttscenes.runtime.client.OkHttpBotApi;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runtime's resumable upload against the emulator's upload endpoint, with a cut chunk. */
final class CutUploadResumeTest {
  private final Emulator emulator = Emulator.start(0);

  @AfterEach
  void close() {
    emulator.close();
  }

  // The emulator keeps the 500 bytes that arrived and answers the status GET with
  // {"status","size","received"}; the client must continue at byte 500, not restart from 0.
  @Test
  void aResumableUploadCutMidChunkResumesAndCompletes() {
    byte[] content = new byte[3000];
    Arrays.fill(content, (byte) 7);
    AtomicBoolean cut = new AtomicBoolean();
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(cutFirstChunkHalfway(cut)).build();
    OkHttpBotApi api = OkHttpBotApi.builder(emulator.token()).baseUrl(emulator.baseUrl())
        .httpClient(http).resumableUploads(1000, 1000).jitter(() -> 0.0).build();

    UploadedInfo info = api.uploadMedia(UploadType.VIDEO, UploadSource.of("clip.mp4", content));

    assertEquals(true, cut.get(), "the first chunk was cut");
    assertFalse(info.token() == null || info.token().isEmpty(), "no token in " + info);
  }

  /** Sends half of the first upload chunk, flushes it to the server, then fails the connection. */
  private static Interceptor cutFirstChunkHalfway(AtomicBoolean cut) {
    return chain -> {
      Request request = chain.request();
      if (!request.method().equals("POST") || !request.url().encodedPath().startsWith("/_upload/")
          || !cut.compareAndSet(false, true)) {
        return chain.proceed(request);
      }
      Buffer whole = new Buffer();
      request.body().writeTo(whole);
      byte[] bytes = whole.readByteArray();
      RequestBody half = new RequestBody() {
        @Override
        public MediaType contentType() {
          return request.body().contentType();
        }

        @Override
        public long contentLength() {
          return bytes.length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
          sink.write(bytes, 0, bytes.length / 2);
          sink.flush();
          throw new IOException("connection cut after " + bytes.length / 2 + " bytes");
        }
      };
      return chain.proceed(request.newBuilder().post(half).build());
    };
  }
}
