package org.improvementhub.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;

/**
 * The four demo councils, provisioned through the public API exactly as an operator would: the
 * council, its programme manager and council admin, a DfE observer, and one overdue action each.
 * Safe to run again: what exists already is left as it is.
 */
public final class DemoCouncils {

  public static final String DEMO_PASSWORD = "Improvement-Hub-2026";
  public static final String OBSERVER_EMAIL = "observer@dfe.demo";

  /** A demo council and the action its lead will hear about. */
  public record DemoCouncil(
      String slug, String name, int laCode, String actionRef, String actionTitle) {
    public String programmeManager() {
      return "pm@" + slug + ".demo";
    }

    public String councilAdmin() {
      return "admin@" + slug + ".demo";
    }

    public String actionLead() {
      return "lead@" + slug + ".demo";
    }
  }

  public static final List<DemoCouncil> COUNCILS =
      List.of(
          new DemoCouncil(
              "nottinghamshire",
              "Nottinghamshire County Council",
              891,
              "1.2",
              "Implement a single assessment framework across children's social care"),
          new DemoCouncil(
              "peterborough",
              "Peterborough City Council",
              874,
              "2.1.3",
              "Reduce social worker caseloads to no more than 20 children"),
          new DemoCouncil(
              "walsall",
              "Walsall Council",
              335,
              "3.1",
              "Establish the multi-agency safeguarding hub with partners"),
          new DemoCouncil(
              "west-sussex",
              "West Sussex County Council",
              938,
              "4.2",
              "Every child in care has a care plan reviewed within timescale"));

  private final HubApi tenancy;
  private final HubApi plans;

  public DemoCouncils(String tenancyUrl, String plansUrl) {
    this.tenancy = new HubApi(tenancyUrl);
    this.plans = new HubApi(plansUrl);
  }

  public static String login(HubApi tenancy, String email, String password) {
    ApiResponse response =
        tenancy.post(
            "/auth/login",
            null,
            "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password));
    if (response.status() != 200) {
      throw new IllegalStateException("Login failed for " + email + ": " + response);
    }
    return response.json().get("access_token").asText();
  }

  /** Provisions everything; returns when every council is ACTIVE. */
  public void provision(String adminEmail, String adminPassword) {
    String admin = login(tenancy, adminEmail, adminPassword);
    for (DemoCouncil council : COUNCILS) {
      expect(
          tenancy.post(
              "/councils",
              admin,
              "{\"slug\":\"%s\",\"name\":\"%s\",\"laCode\":%d}"
                  .formatted(council.slug(), council.name(), council.laCode())),
          201,
          409);
    }
    for (DemoCouncil council : COUNCILS) {
      tenancy.awaitGet(
          "/councils/" + council.slug(),
          admin,
          response -> response.status() == 200 && "ACTIVE".equals(status(response.json())),
          Duration.ofSeconds(90));
      createUser(
          admin, council, council.programmeManager(), "Programme Manager", "PROGRAMME_MANAGER");
      createUser(admin, council, council.councilAdmin(), "Council Admin", "COUNCIL_ADMIN");
    }
    expect(
        tenancy.post(
            "/users",
            admin,
            "{\"email\":\"%s\",\"displayName\":\"DfE Observer\",\"password\":\"%s\",\"roles\":[\"DFE_OBSERVER\"],\"observerScope\":[\"*\"]}"
                .formatted(OBSERVER_EMAIL, DEMO_PASSWORD)),
        201,
        409);
    for (DemoCouncil council : COUNCILS) {
      String manager = login(tenancy, council.programmeManager(), DEMO_PASSWORD);
      expect(
          plans.post(
              "/councils/" + council.slug() + "/actions",
              manager,
              ("{\"ref\":\"%s\",\"title\":\"%s\",\"lead\":{\"name\":\"Demo Lead\",\"email\":\"%s\"},"
                      + "\"dueDate\":\"%s\",\"ragStatus\":\"AMBER\"}")
                  .formatted(
                      council.actionRef(),
                      council.actionTitle(),
                      council.actionLead(),
                      LocalDate.now().minusDays(10))),
          201,
          409);
    }
  }

  private void createUser(
      String admin, DemoCouncil council, String email, String displayName, String role) {
    expect(
        tenancy.post(
            "/councils/" + council.slug() + "/users",
            admin,
            "{\"email\":\"%s\",\"displayName\":\"%s\",\"password\":\"%s\",\"roles\":[\"%s\"]}"
                .formatted(email, displayName, DEMO_PASSWORD, role)),
        201,
        409);
  }

  private static String status(JsonNode council) {
    JsonNode status = council.get("status");
    return status == null ? "" : status.asText();
  }

  private static void expect(ApiResponse response, int... accepted) {
    for (int status : accepted) {
      if (response.status() == status) {
        return;
      }
    }
    throw new IllegalStateException("Unexpected answer while provisioning demo data: " + response);
  }
}
