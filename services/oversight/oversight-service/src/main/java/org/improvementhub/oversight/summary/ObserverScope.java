package org.improvementhub.oversight.summary;

import io.micronaut.security.authentication.Authentication;
import java.util.Collection;
import java.util.List;
import org.improvementhub.tenancy.context.CouncilAccess;
import org.improvementhub.tenancy.context.HubClaims;
import org.improvementhub.tenancy.context.HubRole;

/** Which councils the caller may observe: all, or a named list. */
public record ObserverScope(boolean all, List<String> councils) {

  public static ObserverScope of(Authentication caller) {
    if (CouncilAccess.rolesOf(caller).contains(HubRole.PLATFORM_ADMIN)) {
      return new ObserverScope(true, List.of());
    }
    if (caller.getAttributes().get(HubClaims.COUNCIL) != null) {
      return new ObserverScope(false, List.of());
    }
    Object scope = caller.getAttributes().get(HubClaims.OBSERVER_SCOPE);
    List<String> councils =
        scope instanceof Collection<?> values
            ? values.stream().map(String::valueOf).toList()
            : scope instanceof String single ? List.of(single) : List.of();
    return new ObserverScope(councils.contains(HubClaims.ALL_COUNCILS), councils);
  }

  public boolean includes(String council) {
    return all || councils.contains(council);
  }
}
