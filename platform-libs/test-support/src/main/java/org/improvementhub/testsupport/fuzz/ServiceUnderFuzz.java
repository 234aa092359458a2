package org.improvementhub.testsupport.fuzz;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.HubApi;

/**
 * The service a bad-input property class sends to, started once for the class. jqwik properties run
 * on their own test engine, outside {@code @MicronautTest}, so the class starts the service itself
 * from its {@link CouncilTestBed} in {@code @BeforeContainer} and closes it in
 * {@code @AfterContainer}.
 */
public final class ServiceUnderFuzz implements AutoCloseable {

  private final EmbeddedServer server;
  private final HubApi api;

  private ServiceUnderFuzz(EmbeddedServer server, HubApi api) {
    this.server = server;
    this.api = api;
  }

  /**
   * Starts the service of this module on {@code bed}'s properties and waits until it answers {@code
   * readyPath} for each council of the bed.
   */
  public static ServiceUnderFuzz start(CouncilTestBed bed, String readyPath) {
    EmbeddedServer server = server(bed.properties());
    return new ServiceUnderFuzz(server, bed.start(server.getURL(), readyPath));
  }

  /** Starts the service of this module on {@code properties}, with no councils provisioned. */
  public static ServiceUnderFuzz start(Map<String, String> properties) {
    EmbeddedServer server = server(properties);
    return new ServiceUnderFuzz(server, new HubApi(server.getURL().toString()));
  }

  private static EmbeddedServer server(Map<String, String> properties) {
    ApplicationContext context =
        ApplicationContext.builder()
            .environments(Environment.TEST)
            .properties(new HashMap<>(properties))
            .start();
    return context.getBean(EmbeddedServer.class).start();
  }

  public HubApi api() {
    return api;
  }

  /** Where the service listens, to send requests {@link HubApi} cannot (see {@link BadAddress}). */
  public java.net.URI url() {
    try {
      return server.getURL().toURI();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public ApplicationContext context() {
    return server.getApplicationContext();
  }

  @Override
  public void close() {
    server.getApplicationContext().close();
  }
}
