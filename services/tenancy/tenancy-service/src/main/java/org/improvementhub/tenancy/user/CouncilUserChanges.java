package org.improvementhub.tenancy.user;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.improvementhub.tenancy.audit.TenancyAuditTrail;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.tenancy.context.HubRole;
import org.improvementhub.web.problem.ProblemException;

/**
 * Changes a council user's roles or disables the account. An admin cannot take away their own admin
 * role or disable themselves, so a council is never left without anyone to manage its users. A
 * disabled user cannot sign in again; a token already issued lasts until it expires (an hour).
 */
@Singleton
public class CouncilUserChanges {

  private final UserAccountRepository users;
  private final TenancyAuditTrail audit;

  public CouncilUserChanges(UserAccountRepository users, TenancyAuditTrail audit) {
    this.users = users;
    this.audit = audit;
  }

  /** The council's user {@code id}, or 404 (also for another council's user). */
  @Transactional
  public UserAccount find(CouncilSlug council, UUID id) {
    return users
        .findById(id)
        .filter(user -> council.value().equals(user.council()))
        .orElseThrow(() -> ProblemException.notFound("User " + id));
  }

  @Transactional
  public UserAccount change(
      CouncilSlug council, UUID id, CouncilUserChange change, String callerEmail) {
    UserAccount user = find(council, id);
    List<String> roles =
        change.roles() == null
            ? user.roleNames()
            : UserAccounts.rolesFrom(change.roles(), UserAccounts.COUNCIL_ROLES, "a council role");
    boolean disabled = change.disabled() == null ? user.disabled() : change.disabled();
    boolean themselves = user.email().equalsIgnoreCase(callerEmail);
    if (themselves && disabled) {
      throw ProblemException.invalidField("disabled", "you cannot disable your own account");
    }
    if (themselves
        && user.roleNames().contains(HubRole.COUNCIL_ADMIN.name())
        && !roles.contains(HubRole.COUNCIL_ADMIN.name())) {
      throw ProblemException.invalidField("roles", "you cannot remove your own council admin role");
    }
    UserAccount changed =
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
                disabled));
    audit.record(
        council.value(),
        "user",
        id,
        kindOf(user, changed),
        UserView.of(user),
        UserView.of(changed));
    return changed;
  }

  /** What the change did, in the words an admin reading the trail would use. */
  private static String kindOf(UserAccount before, UserAccount after) {
    boolean rolesChanged = !before.roleNames().equals(after.roleNames());
    if (before.disabled() != after.disabled()) {
      String switched = after.disabled() ? "DISABLED" : "ENABLED";
      return rolesChanged ? switched + "_AND_ROLES_CHANGED" : switched;
    }
    return rolesChanged ? "ROLES_CHANGED" : "SAVED_UNCHANGED";
  }
}
