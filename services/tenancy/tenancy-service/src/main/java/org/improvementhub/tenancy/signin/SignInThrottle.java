package org.improvementhub.tenancy.signin;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed sign-ins per account and per client address and locks either after too many in a
 * window (defaults: 5 failures in 15 minutes lock an account for 15 minutes; 20 lock an address).
 * An account's count is kept for any email typed, account or not, so the answer never tells who has
 * an account. A success forgets the account's failures but not the address's, so an attacker cannot
 * clear their address by signing in to an account of their own.
 */
@Singleton
public class SignInThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);

  private final SignInThrottleRepository throttle;
  private final Clock clock;
  private final SignInLimit perAccount;
  private final SignInLimit perAddress;

  public SignInThrottle(
      SignInThrottleRepository throttle,
      Clock clock,
      @Value("${hub.sign-in.account.max-failures:5}") int accountFailures,
      @Value("${hub.sign-in.account.window:15m}") Duration accountWindow,
      @Value("${hub.sign-in.account.lockout:15m}") Duration accountLockout,
      @Value("${hub.sign-in.address.max-failures:20}") int addressFailures,
      @Value("${hub.sign-in.address.window:15m}") Duration addressWindow,
      @Value("${hub.sign-in.address.lockout:15m}") Duration addressLockout) {
    this.throttle = throttle;
    this.clock = clock;
    this.perAccount = new SignInLimit(accountFailures, accountWindow, accountLockout);
    this.perAddress = new SignInLimit(addressFailures, addressWindow, addressLockout);
  }

  /**
   * Refuses a sign-in while its account or address is locked.
   *
   * @throws SignInLockedOut with the time left, before any password is checked
   */
  @Transactional
  public void checkNotLocked(String email, String address) {
    Instant now = clock.instant();
    throttle
        .lockedUntil(account(email), address, now)
        .ifPresent(
            until -> {
              throw new SignInLockedOut(Duration.between(now, until));
            });
  }

  /** Counts a failed sign-in against the account and the address, locking either at its limit. */
  @Transactional
  public void failed(String email, String address) {
    Instant now = clock.instant();
    count(ThrottledKind.ACCOUNT, account(email), perAccount, now);
    count(ThrottledKind.ADDRESS, address, perAddress, now);
  }

  /** Forgets the account's failures. */
  @Transactional
  public void succeeded(String email) {
    throttle.forgetAccount(account(email));
  }

  private void count(ThrottledKind kind, String key, SignInLimit limit, Instant now) {
    throttle.countFailure(kind.name(), key, now, now.minus(limit.window()));
    Instant until = now.plus(limit.lockout());
    if (throttle.lockIfReached(kind.name(), key, limit.maxFailures(), until) == 1) {
      throttle.recordLockout(kind.name(), key, now);
      // the email is personal data: the log names its fingerprint, the lock-out table the email
      LOG.warn(
          "Sign-in locked for {} {} after {} failures, until {}",
          kind.name().toLowerCase(Locale.ROOT),
          kind == ThrottledKind.ACCOUNT ? fingerprint(key) : key,
          limit.maxFailures(),
          until);
    }
  }

  /** The email as it is stored: lower-case, without surrounding space. */
  static String account(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  private static String fingerprint(String key) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-256", e);
    }
  }
}
