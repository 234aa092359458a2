package org.improvementhub.portal.transfer;

import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files that passed the dry run and wait for the person to confirm them. The file stays on the
 * server, so the confirmation imports exactly what was checked and nobody uploads it twice. Kept in
 * memory beside the sessions (one portal instance), for {@link #KEPT_FOR} at most.
 */
@Singleton
public class PendingImports {

  static final Duration KEPT_FOR = Duration.ofMinutes(30);

  /** Enough for every programme manager uploading at once; beyond it the oldest go. */
  private static final int MOST = 200;

  private final Map<String, PlanFile> waiting = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  public PendingImports(Clock clock) {
    this.clock = clock;
  }

  /** Keeps {@code file} for {@code owner} (session id) and answers the key to confirm it with. */
  public String keep(String owner, PlanFile file) {
    forgetOld();
    byte[] key = new byte[16];
    random.nextBytes(key);
    String id = HexFormat.of().formatHex(key);
    waiting.put(id, file.keptFor(owner, clock.instant()));
    return id;
  }

  /** The file kept under {@code id} for this owner and council, once: confirming uses it up. */
  public Optional<PlanFile> take(String id, String owner, String council) {
    forgetOld();
    PlanFile file = waiting.get(id == null ? "" : id);
    if (file == null || !file.owner().equals(owner) || !file.council().equals(council)) {
      return Optional.empty();
    }
    waiting.remove(id);
    return Optional.of(file);
  }

  private void forgetOld() {
    Instant oldest = clock.instant().minus(KEPT_FOR);
    waiting.values().removeIf(file -> file.keptAt().isBefore(oldest));
    while (waiting.size() >= MOST) {
      waiting.entrySet().stream()
          .min(Map.Entry.comparingByValue(java.util.Comparator.comparing(PlanFile::keptAt)))
          .ifPresent(first -> waiting.remove(first.getKey()));
    }
  }
}
