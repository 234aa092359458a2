package org.improvementhub.tenancy.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.improvementhub.tenancy.context.tokens.CurrentCredentials;
import org.improvementhub.tenancy.context.tokens.RefuseTokensBeforeCredentialsChange;

/**
 * Each person's credentials version: how many times their password has changed. A token carries the
 * version current when it was issued ({@link CurrentCredentials#CLAIM}); one with an older version
 * was issued before the password changed and is refused ({@link
 * RefuseTokensBeforeCredentialsChange}). Versions are kept for {@code
 * hub.tokens.credentials-check.keep} (10 s) so that a request does not read the database each time;
 * a change made by this process forgets the person's at once, a change made by another tenancy
 * replica is seen within that time. The other services learn each change from {@code
 * CredentialsChanged}.
 */
@Singleton
public class CredentialsVersions implements CurrentCredentials {

  private final CredentialsVersionRepository versions;
  private final Cache<String, Integer> known;

  CredentialsVersions(
      CredentialsVersionRepository versions,
      @Value("${hub.tokens.credentials-check.keep:10s}") Duration keep) {
    this.versions = versions;
    this.known = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(keep).build();
  }

  /** The person's version now, 0 for someone unknown here. */
  public int current(String email) {
    String key = email.toLowerCase(Locale.ROOT);
    return known.get(key, k -> versions.findVersion(k).orElse(0));
  }

  /**
   * Counts a change of {@code userId}'s credentials, in the caller's transaction; the person's
   * version is forgotten here so that the next token and the next check read the new one.
   *
   * @return the person's version after the change
   */
  public int changed(UUID userId, String email) {
    versions.increment(userId);
    forget(email);
    return versions.findVersion(email.toLowerCase(Locale.ROOT)).orElse(0);
  }

  /** Forgets the person's version here: after a change has committed, the next read is fresh. */
  public void forget(String email) {
    known.invalidate(email.toLowerCase(Locale.ROOT));
  }

  @Override
  public boolean stillCurrent(String email, Object version) {
    return CurrentCredentials.versionOf(version) >= current(email);
  }
}
