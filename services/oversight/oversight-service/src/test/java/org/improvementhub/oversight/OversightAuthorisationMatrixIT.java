package org.improvementhub.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.matrix.AuthorisationMatrix;
import org.improvementhub.testsupport.matrix.MatrixResult;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route of the oversight service, read from its router, called by each role of the council it
 * names, a user of another council, observers in and out of scope, no token and five kinds of bad
 * token: each gets the status due (see {@link AuthorisationMatrix}); the matrix is printed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversightAuthorisationMatrixIT implements TestPropertyProvider {

  private final HubTestProperties properties = HubTestProperties.freshDatabase();
  private final String walsall = TestCouncils.uniqueSlug("walsall");
  private final String peterborough = TestCouncils.uniqueSlug("peterborough");

  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @Test
  void everyRouteAnswersEveryCallerAsDue() {
    HubApi api = new HubApi(server.getURL().toString());
    TenancyEvents.provisioned(walsall, "Walsall", 335);
    TenancyEvents.provisioned(peterborough, "Peterborough", 874);
    for (String council : new String[] {walsall, peterborough}) {
      api.awaitGet(
          "/oversight/councils/" + council,
          TestTokens.shared().observer("*"),
          r -> r.status() == 200,
          Duration.ofSeconds(30));
    }
    MatrixResult result =
        AuthorisationMatrix.of(server.getApplicationContext()).run(api, walsall, peterborough);
    System.out.println(result.table());
    assertThat(result.routes()).hasSizeGreaterThan(5);
    assertThat(result.leaks()).isEmpty();
    assertThat(result.failures()).isEmpty();
  }
}
