package org.improvementhub.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the portal against running services. It keeps no data, so it needs only their addresses;
 * its session cookie drops the Secure flag because a local stack serves plain http on localhost,
 * and it believes a proxy on this machine about the browser's address, as it does its Ingress.
 */
public final class Portal {

  private Portal() {}

  /** Starts the portal on {@code port}, calling the services in {@code services}. */
  public static ServiceProcess start(
      int port, Path repositoryRoot, List<ServiceProcess> services, Path logDirectory) {
    return start(port, repositoryRoot, services, logDirectory, Map.of());
  }

  /** As {@link #start(int, Path, List, Path)}, with more of the portal's properties. */
  public static ServiceProcess start(
      int port,
      Path repositoryRoot,
      List<ServiceProcess> services,
      Path logDirectory,
      Map<String, String> more) {
    Map<String, String> properties = new HashMap<>(more);
    for (ServiceProcess service : services) {
      properties.put("hub.portal.services." + service.service().name(), service.baseUrl());
    }
    properties.put("hub.portal.session.secure-cookie", "false");
    // a proxy on this machine (a developer's, a test standing in for the Ingress) names the browser
    properties.put("hub.portal.trusted-proxies", StackConfiguration.LOOPBACK);
    return ServiceProcess.start(HubService.PORTAL, port, repositoryRoot, properties, logDirectory);
  }
}
