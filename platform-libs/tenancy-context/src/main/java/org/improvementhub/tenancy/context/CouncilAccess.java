package org.improvementhub.tenancy.context;

import io.micronaut.security.authentication.Authentication;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides, from the caller's token alone, what the caller may do with one council's data.
 *
 * <p>A council user asking about another council is told nothing ({@link Decision#HIDDEN}, answered
 * 404) so that the existence of councils and records never leaks; read-only callers asking to
 * change something get {@link Decision#READ_ONLY} (403).
 */
public final class CouncilAccess {

  private CouncilAccess() {}

  public static Decision decide(Authentication caller, CouncilSlug council, boolean write) {
    Set<HubRole> roles = rolesOf(caller);
    if (roles.contains(HubRole.PLATFORM_ADMIN)) {
      return Decision.ALLOWED;
    }
    Object ownCouncil = caller.getAttributes().get(HubClaims.COUNCIL);
    if (council.value().equals(ownCouncil)) {
      boolean mayWrite = roles.stream().anyMatch(HubRole::writesCouncilData);
      boolean mayRead = mayWrite || roles.contains(HubRole.BOARD_MEMBER);
      if (!mayRead) {
        return Decision.HIDDEN;
      }
      return !write || mayWrite ? Decision.ALLOWED : Decision.READ_ONLY;
    }
    if (ownCouncil == null && roles.contains(HubRole.DFE_OBSERVER) && observes(caller, council)) {
      return write ? Decision.READ_ONLY : Decision.ALLOWED;
    }
    return Decision.HIDDEN;
  }

  public static Set<HubRole> rolesOf(Authentication caller) {
    return caller.getRoles().stream()
        .flatMap(
            name -> {
              try {
                return java.util.stream.Stream.of(HubRole.valueOf(name));
              } catch (IllegalArgumentException unknownRole) {
                return java.util.stream.Stream.empty();
              }
            })
        .collect(Collectors.toUnmodifiableSet());
  }

  private static boolean observes(Authentication caller, CouncilSlug council) {
    Object scope = caller.getAttributes().get(HubClaims.OBSERVER_SCOPE);
    if (scope instanceof Collection<?> slugs) {
      return slugs.contains(HubClaims.ALL_COUNCILS) || slugs.contains(council.value());
    }
    if (scope instanceof String single) {
      return single.equals(HubClaims.ALL_COUNCILS) || single.equals(council.value());
    }
    return false;
  }

  /** The outcome for one request. */
  public enum Decision {
    ALLOWED,
    /** Answer 404: the caller may not learn the council or record exists. */
    HIDDEN,
    /** Answer 403: the caller may read but not change. */
    READ_ONLY
  }
}
