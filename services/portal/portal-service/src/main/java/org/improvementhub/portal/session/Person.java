package org.improvementhub.portal.session;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Who is signed in, as their token says. The portal reads the claims only to choose pages and
 * controls; the services verify the token's signature on every call.
 *
 * @param council the council of a council user; null for DfE observers and platform staff
 * @param providerSignOut where to send the person at sign-out to end their session at their
 *     council's provider too (it carries the provider's ID token, so it stays server-side until
 *     then); null for password sign-in or a provider without an end-session endpoint
 */
public record Person(
    String email,
    String accessToken,
    Set<String> roles,
    String council,
    List<String> observerScope,
    Instant expiresAt,
    String providerSignOut) {

  public Person(
      String email,
      String accessToken,
      Set<String> roles,
      String council,
      List<String> observerScope,
      Instant expiresAt) {
    this(email, accessToken, roles, council, observerScope, expiresAt, null);
  }

  /** The same person, signed in through a provider that signs people out at {@code url}. */
  public Person withProviderSignOut(String url) {
    return new Person(email, accessToken, roles, council, observerScope, expiresAt, url);
  }

  private static final Set<String> WRITING_ROLES =
      Set.of("PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER", "ACTION_LEAD");

  private static final Set<String> PLAN_EDITING_ROLES =
      Set.of("PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER");

  /** True for roles that may change a council's data; observers and board members read only. */
  public boolean canWrite() {
    return roles.stream().anyMatch(WRITING_ROLES::contains);
  }

  /**
   * True for roles that may add and change actions, drivers, risks and issues: action leads only
   * report progress on their actions, as the plans service allows.
   */
  public boolean canEditPlan() {
    return roles.stream().anyMatch(PLAN_EDITING_ROLES::contains);
  }

  /** True for a council's administrators (and platform staff): users, roles, notifications. */
  public boolean isCouncilAdmin() {
    return roles.contains("COUNCIL_ADMIN") || roles.contains("PLATFORM_ADMIN");
  }

  public boolean isObserver() {
    return roles.contains("DFE_OBSERVER");
  }

  /** Where the person starts: their council's overview, or the councils side by side. */
  public String home() {
    if (council != null) {
      return "/councils/" + council;
    }
    // anyone else lands on the cross-council page too, where the service's 403 says why they
    // cannot see it (never a redirect loop through the sign-in page)
    return "/oversight";
  }

  public boolean expiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }
}
