package vn.danvan.signing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured CRL files, re-read when the operator replaces them: CAs publish a new CRL before
 * each nextUpdate, and an out-of-date one makes signatures untrusted (STALE), so a refresh must not
 * need a restart. At most every {@code checkEvery} the files' modification times are compared; on a
 * change all files are read again. A refreshed set that does not load (missing file, bad CRL) is
 * logged and the previous set stays in use. The first load happens at startup and fails it.
 * Thread-safe.
 */
final class CrlFiles implements Supplier<RevocationLists> {

  private static final Logger LOG = LoggerFactory.getLogger(CrlFiles.class);

  private final List<Path> files;
  private final List<X509Certificate> anchors;
  private final Duration checkEvery;
  private final Clock clock;
  private volatile RevocationLists current;
  private List<FileTime> loadedVersions;
  private Instant checkedAt;

  CrlFiles(List<Path> files, Collection<X509Certificate> anchors, Duration checkEvery, Clock clock) {
    this.files = List.copyOf(files);
    this.anchors = List.copyOf(anchors);
    this.checkEvery = checkEvery;
    this.clock = clock;
    this.loadedVersions = versions();
    this.current = RevocationLists.load(this.files, this.anchors);
    this.checkedAt = clock.instant();
  }

  @Override
  public RevocationLists get() {
    refreshIfChanged();
    return current;
  }

  private synchronized void refreshIfChanged() {
    Instant now = clock.instant();
    if (files.isEmpty() || now.isBefore(checkedAt.plus(checkEvery))) {
      return;
    }
    checkedAt = now;
    List<FileTime> versions = versions();
    if (versions.equals(loadedVersions)) {
      return;
    }
    try {
      current = RevocationLists.load(files, anchors);
      loadedVersions = versions;
      LOG.info("Signature verification: CRL files changed, {} CRL(s) loaded", current.size());
    } catch (SigningConfigurationException e) {
      // keep the previous lists: better slightly old than none; STALE shows when they run out
      LOG.warn("Signature verification: the changed CRL files cannot be used, keeping the previous ones: {}",
          e.getMessage());
    }
  }

  private List<FileTime> versions() {
    List<FileTime> versions = new ArrayList<>();
    for (Path file : files) {
      try {
        versions.add(Files.getLastModifiedTime(file));
      } catch (IOException e) {
        versions.add(null);
      }
    }
    return versions;
  }
}
