package org.improvementhub.localstack;

import java.nio.file.Path;
import java.util.List;

/** One of the platform's services, as the stack starts it. */
public record HubService(String name, String mainClass, int defaultPort) {

  public static final HubService TENANCY =
      new HubService("tenancy", "org.improvementhub.tenancy.TenancyApplication", 8081);
  public static final HubService PLANS =
      new HubService("plans", "org.improvementhub.plans.PlansApplication", 8082);
  public static final HubService MEASURES =
      new HubService("measures", "org.improvementhub.measures.MeasuresApplication", 8083);
  public static final HubService NOTIFICATIONS =
      new HubService(
          "notifications", "org.improvementhub.notifications.NotificationsApplication", 8084);

  public static final HubService OVERSIGHT =
      new HubService("oversight", "org.improvementhub.oversight.OversightApplication", 8085);

  /** The web portal: started after the others, with their addresses (see {@link Portal}). */
  public static final HubService PORTAL =
      new HubService("portal", "org.improvementhub.portal.PortalApplication", 8080);

  /** Every service, tenancy first: the others validate tokens against its keys. */
  public static List<HubService> all() {
    return List.of(TENANCY, PLANS, MEASURES, NOTIFICATIONS, OVERSIGHT);
  }

  /** The service's Maven module under the repository root. */
  public Path moduleDirectory(Path repositoryRoot) {
    return repositoryRoot.resolve("services").resolve(name).resolve(name + "-service");
  }
}
