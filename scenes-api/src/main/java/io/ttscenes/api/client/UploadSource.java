package io.ttscenes.api.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Bytes to upload: a file name, the exact size, and a way to open the content from its start as
 * many times as needed (a resumed upload reopens it and skips what the server already has).
 */
public record UploadSource(String fileName, long size, UploadSource.Opener opener) {
  /** Opens a fresh stream over the whole content; called once per upload attempt. */
  @FunctionalInterface
  public interface Opener {
    /**
     * Returns a new stream positioned at byte 0.
     *
     * @throws IOException if the content cannot be read
     */
    InputStream open() throws IOException;
  }

  /** Validates the name and size. */
  public UploadSource {
    Objects.requireNonNull(opener, "opener");
    if (fileName == null || fileName.isBlank()) {
      throw new IllegalArgumentException("upload file name is blank");
    }
    if (size < 0) {
      throw new IllegalArgumentException("upload size is " + size + "; it must be >= 0");
    }
  }

  /**
   * A file on disk, read lazily.
   *
   * @throws java.io.UncheckedIOException if the file's size cannot be read
   */
  public static UploadSource of(Path file) {
    try {
      return new UploadSource(file.getFileName().toString(), Files.size(file),
          () -> Files.newInputStream(file));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read the size of " + file, e);
    }
  }

  /** Bytes in memory (not copied: do not change the array during the upload). */
  public static UploadSource of(String fileName, byte[] bytes) {
    return new UploadSource(fileName, bytes.length, () -> new ByteArrayInputStream(bytes));
  }
}
