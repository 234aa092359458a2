package org.improvementhub.testsupport.matrix;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.HubApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The authorisation matrix of a service whose councils come from tenancy's provisioning events
 * (plans, measures, notifications): every route, read from its router, called by each role of the
 * council it names, a user of another council, observers in and out of scope, no token and five
 * kinds of bad token; each gets the status due (see {@link AuthorisationMatrix}) and the matrix is
 * printed. A service's IT extends this with {@code @MicronautTest(transactional = false)} and names
 * the route that answers once a council is ready and how many routes it has at the least.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CouncilServiceMatrix implements TestPropertyProvider {

  private final CouncilTestBed bed = CouncilTestBed.freshDatabase();
  private final String walsall = bed.council("walsall", "Walsall", 335);
  private final String peterborough = bed.council("peterborough", "Peterborough", 874);

  @Inject public EmbeddedServer server;

  /** The path after {@code /councils/<slug>} that answers once the service serves the council. */
  protected abstract String readyPath();

  /** Fewer routes than this means the router was not read (the matrix would prove nothing). */
  protected abstract int fewestRoutes();

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @Test
  void everyRouteAnswersEveryCallerAsDue() {
    HubApi api = bed.start(server.getURL(), readyPath());
    MatrixResult result =
        AuthorisationMatrix.of(server.getApplicationContext()).run(api, walsall, peterborough);
    System.out.println(result.table());
    // JUnit's assertions: test-support takes AssertJ for its own tests only
    assertTrue(
        result.routes().size() > fewestRoutes(),
        () -> "only " + result.routes().size() + " routes read from the router");
    assertTrue(result.leaks().isEmpty(), () -> "leaks: " + result.leaks());
    assertTrue(result.failures().isEmpty(), () -> "failures: " + result.failures());
  }
}
