package org.improvementhub.notifications;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.HubApi;

/**
 * The notifications service as a restart test runs it: started and stopped by the test, on the same
 * database and settings each time, so that what it had queued when stopped is still there.
 */
final class StoppableService implements AutoCloseable {

  private final CouncilTestBed bed;
  private EmbeddedServer running;

  StoppableService(CouncilTestBed bed) {
    this.bed = bed;
  }

  /**
   * Starts the service with {@code settings} on top of the bed's; returns a client once it answers
   * for every council (provisioned at the first start).
   */
  HubApi start(Map<String, Object> settings) {
    Map<String, Object> all = new HashMap<>(bed.properties());
    all.putAll(settings);
    running = ApplicationContext.run(EmbeddedServer.class, all);
    return bed.start(running.getURL(), "/email-deliveries");
  }

  /** A bean of the running service. */
  <T> T bean(Class<T> type) {
    return running.getApplicationContext().getBean(type);
  }

  void stop() {
    running.getApplicationContext().close();
    running = null;
  }

  /** Stops the service if it is running. */
  @Override
  public void close() {
    if (running != null) {
      stop();
    }
  }
}
