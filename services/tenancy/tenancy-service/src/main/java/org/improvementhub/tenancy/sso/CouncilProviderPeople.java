package org.improvementhub.tenancy.sso;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.improvementhub.tenancy.audit.TenancyAuditTrail;
import org.improvementhub.tenancy.user.Passwords;
import org.improvementhub.tenancy.user.UserAccount;
import org.improvementhub.tenancy.user.UserAccountRepository;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who signed in through a council's provider: the account linked to (council, issuer, subject), or,
 * the first time, the council's account with the provider's email (linked from then on), or a new
 * account of that council. An email that belongs to an account outside the council is refused. An
 * existing account is linked only when the provider says it verified the email ({@code
 * email_verified} true): otherwise anyone who could set that address at the provider (an unverified
 * or self-service profile) would take over the account, its password sign-in included. Such a
 * refusal is an entry in the council's trail. The roles are the provider's, mapped, at every
 * sign-in; a new account gets an unusable password (random, never shown), so it signs in through
 * the provider only.
 */
@Singleton
class CouncilProviderPeople {

  private static final Logger LOG = LoggerFactory.getLogger(CouncilProviderPeople.class);

  private final UserAccountRepository users;
  private final ProviderIdentityRepository identities;
  private final Passwords passwords;
  private final Clock clock;
  private final TenancyAuditTrail audit;
  private final SecureRandom random = new SecureRandom();

  CouncilProviderPeople(
      UserAccountRepository users,
      ProviderIdentityRepository identities,
      Passwords passwords,
      Clock clock,
      TenancyAuditTrail audit) {
    this.audit = audit;
    this.users = users;
    this.identities = identities;
    this.passwords = passwords;
    this.clock = clock;
  }

  /**
   * What the provider says of the person: their email, whether it verified it (null: it did not
   * say), their name.
   */
  record Claimed(String email, Boolean emailVerified, String name) {}

  /** The person's account, or why they were refused (and nothing changed but the trail). */
  record SignedIn(UserAccount user, String refusal) {}

  static final String UNVERIFIED_EMAIL =
      "an account here already has this email address, and your council's provider does not say"
          + " it has verified that the address is yours (email_verified): ask your council's admin";

  /** The person as a user of {@code council} with {@code roles}, or why not. */
  @Transactional
  SignedIn signedIn(
      String council, String issuer, String subject, Claimed claimed, List<String> roles) {
    Instant now = clock.instant();
    Optional<ProviderIdentity> known =
        identities.findByCouncilAndIssuerAndSubject(council, issuer, subject);
    UserAccount user;
    if (known.isPresent()) {
      user = users.findById(known.get().userId()).orElseThrow(SsoRefused::unknownAccount);
      ProviderIdentity identity = known.get();
      identities.update(
          new ProviderIdentity(
              identity.id(),
              council,
              issuer,
              subject,
              identity.userId(),
              identity.firstSeenAt(),
              now));
    } else {
      String normalised = emailOf(claimed);
      Optional<UserAccount> existing = users.findByEmail(normalised);
      if (existing.isPresent()
          && council.equals(existing.get().council())
          && !Boolean.TRUE.equals(claimed.emailVerified())) {
        // the actor is whoever the provider signed in, not the account's owner: not yet proven
        audit.record(
            "sso:" + issuer + "#" + subject,
            council,
            "user",
            existing.get().id(),
            "SSO_LINK_REFUSED_EMAIL_NOT_VERIFIED",
            audited(existing.get(), null),
            refusedLink(issuer, subject, claimed));
        LOG.info(
            "A sign-in through council {}'s provider was not linked to account {}:"
                + " email_verified {}",
            council,
            existing.get().id(),
            claimed.emailVerified() == null ? "missing" : claimed.emailVerified());
        return new SignedIn(null, UNVERIFIED_EMAIL);
      }
      user =
          existing.isPresent() ? existing.get() : created(council, normalised, claimed, roles, now);
      identities.save(
          new ProviderIdentity(UUID.randomUUID(), council, issuer, subject, user.id(), now, now));
    }
    if (!council.equals(user.council())) {
      // never a platform or another council's account, whatever was linked or claimed
      throw SsoRefused.unknownAccount();
    }
    if (user.disabled()) {
      throw ProblemException.of(
          ProblemType.FORBIDDEN, "Your account here has been disabled by your council's admin");
    }
    if (!Arrays.equals(user.roles(), roles.toArray(String[]::new))) {
      UserAccount before = user;
      user =
          users.update(
              new UserAccount(
                  user.id(),
                  user.email(),
                  user.displayName(),
                  user.passwordHash(),
                  user.council(),
                  roles.toArray(String[]::new),
                  user.observerScope(),
                  user.createdAt(),
                  user.disabled()));
      // the council's provider decided, through the council's own mapping, as the person signed in
      audit.record(
          user.email(),
          council,
          "user",
          user.id(),
          "ROLES_FROM_PROVIDER",
          audited(before, issuer),
          audited(user, issuer));
    }
    return new SignedIn(user, null);
  }

  private static String emailOf(Claimed claimed) {
    String email = claimed.email();
    if (email == null || email.isBlank() || !email.contains("@") || email.length() > 320) {
      throw ProblemException.of(
          ProblemType.UNAUTHENTICATED,
          "The council's provider did not give an email address for this account");
    }
    return email.strip().toLowerCase(Locale.ROOT);
  }

  private UserAccount created(
      String council, String normalised, Claimed claimed, List<String> roles, Instant now) {
    String name = claimed.name();
    UserAccount created =
        users.save(
            new UserAccount(
                UUID.randomUUID(),
                normalised,
                name == null || name.isBlank() ? normalised : name.strip(),
                passwords.hash(unusablePassword()),
                council,
                roles.toArray(String[]::new),
                new String[0],
                now,
                false));
    audit.record(
        normalised,
        council,
        "user",
        created.id(),
        "CREATED_THROUGH_SSO",
        null,
        audited(created, null));
    return created;
  }

  private String unusablePassword() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The sign-in that was not linked: which provider and subject, and what it said. */
  private static Map<String, Object> refusedLink(String issuer, String subject, Claimed claimed) {
    Map<String, Object> refused = new LinkedHashMap<>();
    refused.put("provider", issuer);
    refused.put("subject", subject);
    refused.put(
        "emailVerified",
        claimed.emailVerified() == null ? "missing" : claimed.emailVerified().toString());
    refused.put("linked", false);
    return refused;
  }

  /** The account as the trail keeps it: never its password hash. */
  private static Map<String, Object> audited(UserAccount user, String issuer) {
    Map<String, Object> audited = new LinkedHashMap<>();
    audited.put("id", user.id().toString());
    audited.put("email", user.email());
    audited.put("displayName", user.displayName());
    audited.put("council", user.council());
    audited.put("roles", user.roleNames());
    audited.put("disabled", user.disabled());
    audited.put("provider", issuer);
    return audited;
  }
}
