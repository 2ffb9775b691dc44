package io.ttscenes.testkit;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Files uploaded through the emulator's upload URLs, by upload id and by attachment token. */
final class Uploads {
  static final Set<String> TYPES = Set.of("image", "video", "audio", "file");

  private final Map<String, Upload> byId = new ConcurrentHashMap<>();
  private final Map<String, Upload> byToken = new ConcurrentHashMap<>();
  private final AtomicLong photoIds = new AtomicLong(700_000_000L);

  /** One upload; its bytes grow as chunks arrive, so a cut connection keeps what it delivered. */
  static final class Upload {
    final String id;
    final String type;
    final long photoId;
    final String token;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private long total = -1;
    private boolean complete;
    private String filename = "file";

    Upload(String id, String type, long photoId) {
      this.id = id;
      this.type = type;
      this.photoId = photoId;
      this.token = UUID.randomUUID().toString().replace("-", "");
    }

    synchronized long received() {
      return data.size();
    }

    synchronized long total() {
      return total;
    }

    synchronized boolean complete() {
      return complete;
    }

    synchronized String filename() {
      return filename;
    }

    synchronized byte[] bytes() {
      return data.toByteArray();
    }

    synchronized void expectTotal(long size) {
      total = size;
    }

    synchronized void append(byte[] chunk, int length) {
      data.write(chunk, 0, length);
    }

    synchronized void finish(String name) {
      if (name != null && !name.isBlank()) {
        filename = name;
      }
      total = data.size();
      complete = true;
    }
  }

  Upload create(String type) {
    Upload upload = new Upload(UUID.randomUUID().toString(), type, photoIds.incrementAndGet());
    byId.put(upload.id, upload);
    byToken.put(upload.token, upload);
    return upload;
  }

  Optional<Upload> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  Optional<Upload> byToken(String token) {
    return Optional.ofNullable(byToken.get(token));
  }
}
