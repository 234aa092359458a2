package org.improvementhub.testsupport;

import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.PostgresEndpoint;
import org.improvementhub.testsupport.tokens.TestTokens;

/**
 * What a service's integration test needs before its first test: the service's properties on a
 * fresh database, the councils it serves (each with a slug no other test uses), and, once the
 * service is up, those councils provisioned as tenancy would and the service answering for each.
 *
 * <p>Declare it in a field, name the councils in fields, return {@link #properties()} from {@code
 * getProperties()} and call {@link #start} from {@code @BeforeAll}:
 *
 * <pre>{@code
 * private final CouncilTestBed bed = CouncilTestBed.freshDatabase();
 * private final String walsall = bed.council("walsall", "Walsall", 335);
 * ...
 * @BeforeAll void provision() { api = bed.start(server.getURL(), "/actions"); }
 * }</pre>
 */
public final class CouncilTestBed {

  /** How long a freshly provisioned council's schema may take to be migrated by the service. */
  private static final Duration READY_WITHIN = Duration.ofSeconds(30);

  private final HubTestProperties properties;
  private final Map<String, Council> councils = new LinkedHashMap<>();
  private boolean provisioned;

  private CouncilTestBed(HubTestProperties properties) {
    this.properties = properties;
  }

  /** A service on a database of its own. */
  public static CouncilTestBed freshDatabase() {
    return new CouncilTestBed(HubTestProperties.freshDatabase());
  }

  /** Sets one more property of the service under test. */
  public CouncilTestBed with(String key, String value) {
    properties.with(key, value);
    return this;
  }

  /**
   * A council {@link #start} will provision, named {@code name} with local authority code {@code
   * laCode}; returns its slug: {@code base} made unique.
   */
  public String council(String base, String name, int laCode) {
    String slug = TestCouncils.uniqueSlug(base);
    councils.put(slug, new Council(name, laCode));
    return slug;
  }

  /** A token for a person of {@code council} holding {@code roles}. */
  public String token(String council, String... roles) {
    return TestTokens.shared().councilUser(council, roles);
  }

  public Map<String, String> properties() {
    return properties.build();
  }

  public PostgresEndpoint database() {
    return properties.database();
  }

  /**
   * Provisions every council (the first time only: a test that restarts the service calls this
   * again after each start) and waits until the service at {@code server} answers {@code GET
   * /councils/<slug><readyPath>} for each (its schema is migrated); returns a client for it.
   */
  public HubApi start(URL server, String readyPath) {
    HubApi api = new HubApi(server.toString());
    if (!provisioned) {
      councils.forEach(
          (slug, council) ->
              TestCouncils.provision(database(), slug, council.name(), council.laCode()));
      provisioned = true;
    }
    for (String slug : councils.keySet()) {
      api.awaitGet(
          "/councils/" + slug + readyPath,
          token(slug, "COUNCIL_ADMIN"),
          response -> response.status() == 200,
          READY_WITHIN);
    }
    return api;
  }

  private record Council(String name, int laCode) {}
}
