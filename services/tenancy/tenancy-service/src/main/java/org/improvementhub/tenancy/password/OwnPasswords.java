package org.improvementhub.tenancy.password;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.improvementhub.messaging.outbox.Outbox;
import org.improvementhub.tenancy.audit.TenancyAuditTrail;
import org.improvementhub.tenancy.events.CredentialsChanged;
import org.improvementhub.tenancy.signin.SignInThrottle;
import org.improvementhub.tenancy.token.CredentialsVersions;
import org.improvementhub.tenancy.user.Passwords;
import org.improvementhub.tenancy.user.UserAccount;
import org.improvementhub.tenancy.user.UserAccountRepository;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes a signed-in person's own password. The current password is checked as a sign-in is:
 * refused while the account or the address is locked (429), and a wrong one counts as a failed
 * sign-in, so a stolen session cannot be used to guess the password at leisure. The new password
 * meets the same policy as every other ({@link Passwords}).
 *
 * <p>What a change does to sessions: the hash is replaced, so the old password signs in no more,
 * and the person's credentials version goes up, so tenancy refuses every token issued before (this
 * person's other portal sessions, API clients; {@link CredentialsVersions}); the change is
 * announced ({@link CredentialsChanged}, through the outbox), and every other service refuses those
 * tokens once it has heard it (within seconds).
 */
@Singleton
public class OwnPasswords {

  private static final Logger LOG = LoggerFactory.getLogger(OwnPasswords.class);

  private final UserAccountRepository users;
  private final PasswordChangeRepository changes;
  private final Passwords passwords;
  private final SignInThrottle throttle;
  private final Clock clock;
  private final TenancyAuditTrail audit;
  private final CredentialsVersions credentials;
  private final Outbox outbox;

  public OwnPasswords(
      UserAccountRepository users,
      PasswordChangeRepository changes,
      Passwords passwords,
      SignInThrottle throttle,
      Clock clock,
      TenancyAuditTrail audit,
      CredentialsVersions credentials,
      Outbox outbox) {
    this.credentials = credentials;
    this.outbox = outbox;
    this.users = users;
    this.changes = changes;
    this.passwords = passwords;
    this.throttle = throttle;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * The person's account if {@code currentPassword} is theirs. Not one transaction: a failure must
   * be counted even though the request is refused.
   */
  public UserAccount checkCurrent(String email, String address, String currentPassword) {
    throttle.checkNotLocked(email, address);
    Optional<UserAccount> account =
        users.findByEmail(email.strip().toLowerCase(Locale.ROOT)).filter(u -> !u.disabled());
    if (account.isEmpty()) {
      // a valid token for an account disabled or gone since: as at sign-in
      throw ProblemException.of(ProblemType.UNAUTHENTICATED, "Sign in again");
    }
    if (!passwords.matches(currentPassword, account.get().passwordHash())) {
      throttle.failed(email, address);
      throw ProblemException.invalidField("currentPassword", "is not right");
    }
    throttle.succeeded(email);
    return account.get();
  }

  /** Replaces the password of {@code account} (checked just before) and records the change. */
  @Transactional
  public void replace(UserAccount account, String newPassword, String address) {
    if (passwords.matches(newPassword, account.passwordHash())) {
      throw ProblemException.invalidField(
          "newPassword", "must be different from your current password");
    }
    String hash = passwords.hash(newPassword, "newPassword");
    if (changes.replaceHash(account.id(), account.passwordHash(), hash) != 1) {
      throw ProblemException.of(
          ProblemType.CONFLICT, "Your password was changed meanwhile: sign in again");
    }
    changes.record(account.id(), account.email(), clock.instant(), address);
    int version = credentials.changed(account.id(), account.email());
    // every other service refuses the person's older tokens once it hears this (same transaction)
    outbox.appendPlatformWide(
        CredentialsChanged.TOPIC,
        CredentialsChanged.TYPE,
        1,
        account.email(),
        new CredentialsChanged(account.email(), version));
    // in the one trail of every tenancy change too; what changed is only that it did, and whence
    audit.record(
        account.email(),
        account.council(),
        "user",
        account.id(),
        "PASSWORD_CHANGED",
        null,
        Map.of("clientAddress", address));
    LOG.info("Password changed for user {}", account.id());
  }
}
