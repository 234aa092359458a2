package org.improvementhub.tenancy.user;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.improvementhub.tenancy.audit.TenancyAuditTrail;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.tenancy.context.HubClaims;
import org.improvementhub.tenancy.context.HubRole;
import org.improvementhub.tenancy.council.CouncilRegistry;
import org.improvementhub.web.problem.Problem;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/** Adds users with the roles their kind of account may hold, and checks sign-ins. */
@Singleton
public class UserAccounts {

  static final Set<HubRole> COUNCIL_ROLES =
      Set.of(
          HubRole.COUNCIL_ADMIN,
          HubRole.PROGRAMME_MANAGER,
          HubRole.ACTION_LEAD,
          HubRole.BOARD_MEMBER);

  private final UserAccountRepository users;
  private final CouncilRegistry councils;
  private final Passwords passwords;
  private final Clock clock;
  private final TenancyAuditTrail audit;

  public UserAccounts(
      UserAccountRepository users,
      CouncilRegistry councils,
      Passwords passwords,
      Clock clock,
      TenancyAuditTrail audit) {
    this.audit = audit;
    this.users = users;
    this.councils = councils;
    this.passwords = passwords;
    this.clock = clock;
  }

  /** Adds a user to {@code council} with council roles only. */
  @Transactional
  public UserAccount addToCouncil(CouncilSlug council, NewCouncilUser request) {
    if (!councils.exists(council)) {
      throw ProblemException.notFound("Council '" + council + "'");
    }
    List<String> roles = rolesFrom(request.roles(), COUNCIL_ROLES, "a council role");
    return add(
        request.email(),
        request.displayName(),
        request.password(),
        council.value(),
        roles,
        List.of());
  }

  /** Adds a platform admin or a DfE observer: users who belong to no council. */
  @Transactional
  public UserAccount addPlatformUser(NewPlatformUser request) {
    List<String> roles =
        rolesFrom(
            request.roles(),
            Set.of(HubRole.PLATFORM_ADMIN, HubRole.DFE_OBSERVER),
            "PLATFORM_ADMIN or DFE_OBSERVER (council roles are given under /councils/{council}/users)");
    if (roles.size() > 1) {
      throw ProblemException.invalidField(
          "roles", "a user is either a platform admin or a DfE observer, not both");
    }
    List<String> scope = request.observerScope() == null ? List.of() : request.observerScope();
    if (roles.contains(HubRole.DFE_OBSERVER.name())) {
      scope = observerScope(scope);
    } else if (!scope.isEmpty()) {
      throw ProblemException.invalidField("observerScope", "is only for DfE observers");
    }
    return add(request.email(), request.displayName(), request.password(), null, roles, scope);
  }

  /** The council's users, or 404 if there is no such council. */
  @Transactional
  public List<UserAccount> ofCouncil(CouncilSlug council) {
    if (!councils.exists(council)) {
      throw ProblemException.notFound("Council '" + council + "'");
    }
    return users.findByCouncilOrderByEmail(council.value());
  }

  /** Platform admins and DfE observers. */
  @Transactional
  public List<UserAccount> platformUsers() {
    return users.findByCouncilIsNullOrderByEmail();
  }

  /**
   * The user these credentials belong to, if they are right and the account is enabled. A wrong
   * email and a wrong password cost the same time and give the same empty answer.
   */
  @Transactional
  public Optional<UserAccount> authenticate(String email, String password) {
    Optional<UserAccount> user = users.findByEmail(normalise(email));
    if (user.isEmpty()) {
      passwords.matchesNobody(password);
      return Optional.empty();
    }
    boolean right = passwords.matches(password, user.get().passwordHash());
    return right && !user.get().disabled() ? user : Optional.empty();
  }

  /**
   * Creates the first platform admin from configuration unless an account with that email exists.
   *
   * @return whether an account was created
   */
  @Transactional
  public boolean ensurePlatformAdmin(String email, String password) {
    if (users.existsByEmail(normalise(email))) {
      return false;
    }
    add(
        email,
        "Platform administrator",
        password,
        null,
        List.of(HubRole.PLATFORM_ADMIN.name()),
        List.of());
    return true;
  }

  private UserAccount add(
      String email,
      String displayName,
      String password,
      String council,
      List<String> roles,
      List<String> observerScope) {
    String normalised = normalise(email);
    if (users.existsByEmail(normalised)) {
      throw ProblemException.of(
          ProblemType.CONFLICT, "A user with email " + normalised + " exists already");
    }
    UserAccount saved =
        users.save(
            UserAccount.create(
                normalised,
                displayName.strip(),
                passwords.hash(password),
                council,
                roles,
                observerScope,
                clock.instant()));
    // the view never holds the password hash
    audit.record(council, "user", saved.id(), "CREATED", null, UserView.of(saved));
    return saved;
  }

  static List<String> rolesFrom(List<String> requested, Set<HubRole> allowed, String what) {
    Set<String> roles = new LinkedHashSet<>();
    List<Problem.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < requested.size(); i++) {
      String name = requested.get(i);
      Optional<HubRole> role = roleNamed(name).filter(allowed::contains);
      if (role.isEmpty()) {
        errors.add(new Problem.FieldError("roles[" + i + "]", "must be " + what));
      } else {
        roles.add(role.get().name());
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          Problem.invalid(errors.get(0).field() + ": " + errors.get(0).message(), errors));
    }
    return List.copyOf(roles);
  }

  private static Optional<HubRole> roleNamed(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(HubRole.valueOf(name.strip()));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }

  /** Council slugs of registered councils, or {@code *} alone for every council. */
  private List<String> observerScope(List<String> requested) {
    if (requested.isEmpty()) {
      throw ProblemException.invalidField(
          "observerScope", "must name the councils a DfE observer may read, or [\"*\"] for all");
    }
    if (requested.contains(HubClaims.ALL_COUNCILS)) {
      if (requested.size() > 1) {
        throw ProblemException.invalidField(
            "observerScope", "\"*\" means every council and stands alone");
      }
      return List.of(HubClaims.ALL_COUNCILS);
    }
    Set<String> scope = new LinkedHashSet<>();
    List<Problem.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < requested.size(); i++) {
      Optional<CouncilSlug> slug = CouncilSlug.parse(requested.get(i));
      if (slug.isEmpty() || !councils.exists(slug.get())) {
        errors.add(
            new Problem.FieldError("observerScope[" + i + "]", "is not a registered council"));
      } else {
        scope.add(slug.get().value());
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          Problem.invalid(errors.get(0).field() + ": " + errors.get(0).message(), errors));
    }
    return List.copyOf(scope);
  }

  static String normalise(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }
}
