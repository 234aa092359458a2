package org.improvementhub.faults;

import java.time.Duration;
import org.improvementhub.localstack.DemoCouncils;
import org.improvementhub.localstack.HubService;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;

/**
 * A council of its own for one run, active in every service, and a signed-in programme manager,
 * made through the public APIs as a platform admin would.
 *
 * @param council the council's slug
 * @param manager the programme manager's token
 */
record FaultCouncil(String council, String manager) {

  private static final String PASSWORD = "Faults-User-Password-1";
  private static final Duration ACTIVE = Duration.ofSeconds(90);

  static FaultCouncil create(FaultStack stack) {
    HubApi tenancy = stack.api(HubService.TENANCY);
    String admin = stack.adminToken();
    String council = TestCouncils.uniqueSlug("faults");
    expect(
        tenancy.post(
            "/councils",
            admin,
            "{\"slug\":\"%s\",\"name\":\"Faults Council %s\",\"laCode\":%d}"
                .formatted(council, council, stack.nextLaCode())),
        201);
    tenancy.awaitGet(
        "/councils/" + council,
        admin,
        r -> r.status() == 200 && "ACTIVE".equals(r.json().path("status").asText()),
        ACTIVE);
    String managerEmail = "pm@" + council + ".faults.test";
    expect(
        tenancy.post(
            "/councils/" + council + "/users",
            admin,
            "{\"email\":\"%s\",\"displayName\":\"Programme Manager\",\"password\":\"%s\",\"roles\":[\"PROGRAMME_MANAGER\"]}"
                .formatted(managerEmail, PASSWORD)),
        201);
    return new FaultCouncil(council, DemoCouncils.login(tenancy, managerEmail, PASSWORD));
  }

  /** The answer, if it has the status the set-up needs; the set-up cannot go on otherwise. */
  static ApiResponse expect(ApiResponse response, int status) {
    if (response.status() != status) {
      throw new IllegalStateException(
          "Expected " + status + " but got " + response.status() + ": " + response.body());
    }
    return response;
  }
}
