package org.improvementhub.tenancy.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * Each person's credentials version: how many times their password has changed. A token carries the
 * version current when it was issued ({@link #CLAIM}); one with an older version was issued before
 * the password changed and is refused ({@link RefuseTokensBeforeCredentialsChange}). Versions are
 * kept for {@code hub.tokens.credentials-check.keep} (10 s) so that a request does not read the
 * database each time; a change made by this process forgets the person's at once, a change made by
 * another tenancy replica is seen within that time.
 */
@Singleton
public class CredentialsVersions {

  /** The token claim holding the version the token was issued under. */
  public static final String CLAIM = "credentialsVersion";

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
   */
  public void changed(UUID userId, String email) {
    versions.increment(userId);
    forget(email);
  }

  /** Forgets the person's version here: after a change has committed, the next read is fresh. */
  public void forget(String email) {
    known.invalidate(email.toLowerCase(Locale.ROOT));
  }

  /** Whether a token issued under {@code version} (null: before versions existed) is still good. */
  public boolean stillCurrent(String email, Object version) {
    int issuedUnder = version instanceof Number number ? number.intValue() : 0;
    return issuedUnder >= current(email);
  }
}
