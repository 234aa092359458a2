package org.improvementhub.tenancy.user;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
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

  public CouncilUserChanges(UserAccountRepository users) {
    this.users = users;
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
    return users.update(
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
  }
}
