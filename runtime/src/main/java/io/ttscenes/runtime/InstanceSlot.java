package io.ttscenes.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves that an earlier process of this bot on this machine is gone, so its leases can be taken
 * over at once instead of after their TTL. A process holds an operating-system lock on one slot
 * file ({@code <dir>/<bot>-<owner digest>-<n>.lock}) for its lifetime and writes its instance id
 * into it; the digest names the bot and its store, so another bot or another store's process on
 * this machine never takes (or overwrites) this bot's slots, whatever the bot names. The OS
 * frees the lock when the process ends, kill -9 included; a process that gets a slot's lock and
 * finds an id there knows that instance is dead. A live process, however stuck, keeps its lock, so
 * its leases are never taken early. The directory must be local to the machine (NFS locks are not
 * trusted).
 */
final class InstanceSlot implements AutoCloseable {
  static final int SLOTS = 64;
  private static final Logger LOG = LoggerFactory.getLogger(BotRuntime.class);

  // The slot files runtimes of this JVM hold.
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final Optional<String> predecessor;

  private InstanceSlot(Path file, FileChannel channel, FileLock lock, Optional<String> predecessor) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.predecessor = predecessor;
  }

  /**
   * Takes the first free slot of {@code botName} on the store {@code owner} names (the bot's token
   * and store address, say) in {@code dir} for {@code instanceId}; empty (logged) when the
   * directory cannot be used or every slot is taken: leases then expire as usual.
   */
  static Optional<InstanceSlot> claim(Path dir, String botName, String owner, String instanceId) {
    String stem = botName.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + digest(botName + "\n" + owner);
    try {
      if (!privateDirectory(dir)) {
        return Optional.empty();
      }
      for (int n = 0; n < SLOTS; n++) {
        Optional<InstanceSlot> slot = tryClaim(dir.resolve(stem + "-" + n + ".lock"), instanceId);
        if (slot.isPresent()) {
          return slot;
        }
      }
      LOG.warn("all {} instance slots of bot {} in {} are taken; a restart of this process waits for "
          + "its leases to expire", SLOTS, botName, dir);
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot use the instance slot directory {} ({}); a restart of this process waits for "
          + "its leases to expire", dir, e.toString());
    }
    return Optional.empty();
  }

  /**
   * Creates {@code dir} readable by this user only, or checks that an existing one is this user's
   * and nobody else may write in it: under a shared tmpdir, another user could otherwise plant
   * slot files (a live instance's id, taken for a dead one) or links to this user's files.
   */
  private static boolean privateDirectory(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(dir.toAbsolutePath().getParent());
      try {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (FileAlreadyExistsException e) {
        // Created meanwhile by another process: checked below like any existing one.
      }
    }
    PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    boolean mine = attributes.owner().getName().equals(System.getProperty("user.name"));
    boolean shared = attributes.permissions().contains(PosixFilePermission.GROUP_WRITE)
        || attributes.permissions().contains(PosixFilePermission.OTHERS_WRITE);
    if (!attributes.isDirectory() || !mine || shared) {
      LOG.warn("the instance slot directory {} is not a directory of this user that only it may write "
          + "in; slots are not used and a restart of this process waits for its leases to expire "
          + "(set TTSCENES_STATE_DIR to a private directory)", dir);
      return false;
    }
    return true;
  }

  // Hashed: the owner holds the token, which must not appear in a file name.
  private static String digest(String owner) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(owner.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static Optional<InstanceSlot> tryClaim(Path file, String instanceId) throws IOException {
    // Closing any channel on a file frees this process's OS lock on it (POSIX record locks), so a
    // slot another runtime of this JVM holds is never opened, not even to probe it.
    Path key = file.toAbsolutePath().normalize();
    if (!HELD.add(key)) {
      return Optional.empty();
    }
    try {
      Optional<InstanceSlot> slot = lockAndWrite(key, instanceId);
      if (slot.isEmpty()) {
        HELD.remove(key);
      }
      return slot;
    } catch (IOException | RuntimeException e) {
      HELD.remove(key);
      throw e;
    }
  }

  private static Optional<InstanceSlot> lockAndWrite(Path file, String instanceId) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      return Optional.empty();
    }
    String previous;
    try {
      previous = read(channel);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(instanceId.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return Optional.of(new InstanceSlot(file, channel, lock,
        Optional.of(previous).filter(id -> !id.isBlank() && !id.equals(instanceId))));
  }

  private static String read(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 1024));
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
  }

  /** The instance id of the dead process that held this slot before, if any. */
  Optional<String> predecessor() {
    return predecessor;
  }

  /** Frees the slot; its id stays in the file for the next process. */
  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      LOG.debug("closing the instance slot failed ({}); the process exit frees it", e.getMessage());
    } finally {
      HELD.remove(file);
    }
  }
}
