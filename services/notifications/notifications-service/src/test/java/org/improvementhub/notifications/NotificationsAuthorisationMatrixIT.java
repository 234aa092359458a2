package org.improvementhub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.matrix.AuthorisationMatrix;
import org.improvementhub.testsupport.matrix.MatrixResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route of the notifications service, read from its router, called by each role of the
 * council it names, a user of another council, observers in and out of scope, no token and five
 * kinds of bad token: each gets the status due (see {@link AuthorisationMatrix}); the matrix is
 * printed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsAuthorisationMatrixIT implements TestPropertyProvider {

  private final CouncilTestBed bed = CouncilTestBed.freshDatabase();
  private final String walsall = bed.council("walsall", "Walsall", 335);
  private final String peterborough = bed.council("peterborough", "Peterborough", 874);

  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @Test
  void everyRouteAnswersEveryCallerAsDue() {
    HubApi api = bed.start(server.getURL(), "/email-deliveries");
    MatrixResult result =
        AuthorisationMatrix.of(server.getApplicationContext()).run(api, walsall, peterborough);
    System.out.println(result.table());
    assertThat(result.routes()).hasSizeGreaterThan(5);
    assertThat(result.leaks()).isEmpty();
    assertThat(result.failures()).isEmpty();
  }
}
