package org.improvementhub.portal.signin;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.improvementhub.portal.services.HubService;
import org.improvementhub.portal.services.HubServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The councils whose people may sign in with their council's own account (tenancy's {@code GET
 * /auth/sso/councils}). The sign-in page must show even when tenancy cannot say: password sign-in
 * is offered regardless.
 */
@Singleton
class CouncilAccounts {

  private static final Logger LOG = LoggerFactory.getLogger(CouncilAccounts.class);

  private final HubServices services;

  CouncilAccounts(HubServices services) {
    this.services = services;
  }

  List<CouncilAccount> offered() {
    try {
      return services.list(HubService.TENANCY, "/auth/sso/councils", null).stream()
          .map(CouncilAccounts::offered)
          .toList();
    } catch (RuntimeException unavailable) {
      LOG.info(
          "The councils offering single sign-on could not be listed: {}", unavailable.getMessage());
      return List.of();
    }
  }

  private static CouncilAccount offered(Map<String, Object> council) {
    return new CouncilAccount(
        String.valueOf(council.get("slug")), String.valueOf(council.get("name")));
  }
}
