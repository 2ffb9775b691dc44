package io.ttscenes.runtime.client;

import io.ttscenes.api.client.UploadSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.DoubleSupplier;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends file bytes to an upload URL obtained from {@code getUploadUrl}: in one multipart request
 * (field {@code data}) for small files, or resumable in chunks with {@code Content-Range} for
 * large ones. After a failed chunk it asks the URL for the upload status (HTTP GET) and continues
 * after the last byte the server confirms, so no byte the server kept is sent again; a 416 that
 * carries the status is followed at once. When the status cannot be learned (the GET fails or
 * its answer is unreadable) the same chunk is sent again from the same offset, never from byte 0:
 * a server that kept part of it refuses it with 416 and its status. Thread-safe.
 */
final class UploadClient {
  private static final MediaType OCTETS = MediaType.get("application/octet-stream");

  private final OkHttpClient client;
  private final FailureClassifier classifier;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final DoubleSupplier jitter;
  private final int chunkSize;

  UploadClient(
      OkHttpClient client, FailureClassifier classifier, RetryPolicy policy, Sleeper sleeper,
      DoubleSupplier jitter, int chunkSize) {
    this.client = client;
    this.classifier = classifier;
    this.policy = policy;
    this.sleeper = sleeper;
    this.jitter = jitter;
    this.chunkSize = chunkSize;
  }

  /** Uploads in one multipart request; returns the server's JSON answer. */
  byte[] multipart(String url, UploadSource source) {
    RequestBody file = new SourceBody(source, 0, source.size());
    RequestBody form = new MultipartBody.Builder()
        .setType(MultipartBody.FORM)
        .addFormDataPart("data", source.fileName(), file)
        .build();
    Request request = new Request.Builder().url(url).post(form).build();
    HttpExchange.Raw raw = execute(request);
    if (!raw.successful()) {
      throw classifier.fromResponse("upload", raw).toException("");
    }
    return raw.body();
  }

  /** Uploads in chunks, resuming after failures; returns the last chunk's JSON answer. */
  byte[] resumable(String url, UploadSource source) {
    ResumableUpload upload = new ResumableUpload(url, source);
    return upload.run();
  }

  HttpExchange.Raw execute(Request request) {
    try (Response response = client.newCall(request).execute()) {
      return new HttpExchange.Raw(response.code(), response.headers(), response.body().bytes());
    } catch (IOException e) {
      throw classifier.fromIo("upload", e, true).toException("");
    }
  }

  /** The state of one resumable upload: the next offset and the failures since progress. */
  private final class ResumableUpload {
    private final String url;
    private final UploadSource source;
    private long offset;
    private int failuresWithoutProgress;

    ResumableUpload(String url, UploadSource source) {
      this.url = url;
      this.source = source;
    }

    byte[] run() {
      while (true) {
        long end = Math.min(source.size(), offset + chunkSize) - 1;
        try {
          HttpExchange.Raw raw = sendChunk(end);
          if (raw.successful()) {
            failuresWithoutProgress = 0;
            offset = end + 1;
            if (offset >= source.size()) {
              return raw.body();
            }
            continue;
          }
          Failure failure = classifier.fromResponse("upload", raw);
          if (raw.status() == 416) {
            resync(failure, raw);
            continue;
          }
          if (failure.kind() == Failure.Kind.REJECTED) {
            throw failure.toException("");
          }
          recover(failure);
        } catch (IOException e) {
          recover(classifier.fromIo("upload", e, true));
        }
      }
    }

    /** A 416 says the chunk started at the wrong byte; its status, if any, says the right one. */
    private void resync(Failure failure, HttpExchange.Raw refusal) {
      OptionalLong next = UploadStatus.nextOffset(refusal);
      if (next.isEmpty()) {
        recover(failure);
        return;
      }
      if (next.getAsLong() <= offset) {
        countFailure(failure);
      }
      moveTo(next.getAsLong());
    }

    private HttpExchange.Raw sendChunk(long end) throws IOException {
      Request request = new Request.Builder()
          .url(url)
          .header("Content-Range", "bytes " + offset + "-" + end + "/" + source.size())
          .header("Content-Disposition", contentDisposition(source.fileName()))
          .post(new SourceBody(source, offset, end + 1 - offset))
          .build();
      try (Response response = client.newCall(request).execute()) {
        return new HttpExchange.Raw(response.code(), response.headers(), response.body().bytes());
      }
    }

    /** Waits, then learns from the server where to continue; gives up after too many failures. */
    private void recover(Failure failure) {
      countFailure(failure);
      Duration wait = Duration.ofMillis(Math.round(
          policy.ceiling(failuresWithoutProgress - 1).toMillis() * jitter.getAsDouble()));
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure.toException("; interrupted while resuming the upload");
      }
      // Unknown status: the same offset again; the server corrects it with a 416 if it kept more.
      Optional<HttpExchange.Raw> status = statusResponse();
      if (status.isPresent()) {
        UploadStatus.nextOffset(status.get()).ifPresent(this::moveTo);
      }
    }

    private void countFailure(Failure failure) {
      failuresWithoutProgress++;
      if (failuresWithoutProgress >= policy.maxAttempts()) {
        throw failure.toException("; upload of " + source.fileName() + " gave up at byte "
            + offset + " of " + source.size() + " after " + failuresWithoutProgress + " attempts");
      }
    }

    private void moveTo(long next) {
      if (next > offset) {
        failuresWithoutProgress = 0;
      }
      // When the server has every byte but its answer was lost, only re-sending the last byte
      // makes it answer again with the upload's result.
      offset = Math.min(next, Math.max(0, source.size() - 1));
    }

    private Optional<HttpExchange.Raw> statusResponse() {
      try (Response response = client.newCall(new Request.Builder().url(url).get().build())
          .execute()) {
        return Optional.of(
            new HttpExchange.Raw(response.code(), response.headers(), response.body().bytes()));
      } catch (IOException e) {
        return Optional.empty();
      }
    }
  }

  /**
   * OkHttp refuses non-ASCII header values, so a name such as "фото.jpg" goes as an ASCII
   * fallback plus its RFC 5987 UTF-8 form.
   */
  static String contentDisposition(String fileName) {
    String ascii = fileName.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
    String header = "attachment; filename=\"" + ascii + "\"";
    if (ascii.equals(fileName)) {
      return header;
    }
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8)
        .replace("+", "%20").replace("*", "%2A");
    return header + "; filename*=UTF-8''" + encoded;
  }

  /** Streams {@code length} bytes of a source starting at {@code from}, reopening it each time. */
  private static final class SourceBody extends RequestBody {
    private final UploadSource source;
    private final long from;
    private final long length;

    SourceBody(UploadSource source, long from, long length) {
      this.source = source;
      this.from = from;
      this.length = length;
    }

    @Override
    public MediaType contentType() {
      return OCTETS;
    }

    @Override
    public long contentLength() {
      return length;
    }

    @Override
    public void writeTo(okio.BufferedSink sink) throws IOException {
      try (InputStream in = source.opener().open()) {
        in.skipNBytes(from);
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
          int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
          if (read < 0) {
            throw new IOException(source.fileName() + " ended " + left + " bytes early");
          }
          sink.write(buffer, 0, read);
          left -= read;
        }
      }
    }
  }
}
