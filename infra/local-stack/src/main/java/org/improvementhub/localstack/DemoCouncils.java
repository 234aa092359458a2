package org.improvementhub.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;

/**
 * The four demo councils, provisioned through the public API exactly as an operator would: the
 * council, its programme manager and council admin, a DfE observer, and each council's own plan
 * (module {@code infra/demo-councils}) imported by its programme manager. Safe to run again: what
 * exists already is left as it is.
 */
public final class DemoCouncils {

  public static final String DEMO_PASSWORD = "Improvement-Hub-2026";
  public static final String OBSERVER_EMAIL = "observer@dfe.demo";

  /**
   * A demo council and the action in its plan whose demo lead ({@code lead@<slug>.demo}) hears that
   * it is overdue: the plans are historical, so every action is past its due date.
   */
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
              "1",
              "Ensure Children and Young people are safe"),
          new DemoCouncil(
              "peterborough",
              "Peterborough City Council",
              874,
              "2.1.4",
              "Monitor and take action to secure appropriate caseload levels for all social workers"),
          new DemoCouncil(
              "walsall",
              "Walsall Council",
              335,
              "3.11",
              "Review current LADO arrangements and implement changes to ensure that the LADO"
                  + " arrangements are in keeping with national guidance"),
          new DemoCouncil(
              "west-sussex",
              "West Sussex County Council",
              938,
              "1.2.1",
              "[Developing and] implementing practice standards, procedures and clear simplified"
                  + " process maps as a quick service guide for key areas"));

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
      importPlan(council, login(tenancy, council.programmeManager(), DEMO_PASSWORD));
    }
  }

  /**
   * Imports the council's plan unless it has a programme already (a second run, or a council that
   * started its own): the import is all-or-nothing, so a programme means the plan is there.
   */
  private void importPlan(DemoCouncil council, String manager) {
    String programmes = "/councils/" + council.slug() + "/programmes";
    ApiResponse existing = plans.get(programmes, manager);
    expect(existing, 200);
    if (existing.json().size() > 0) {
      return;
    }
    expect(
        plans.send(
            plans
                .request(programmes + "/import", manager)
                // a whole plan in one transaction, on a machine the services share
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(planFile(council.slug())))),
        201);
  }

  /** The council's plan in the plan template, as module {@code infra/demo-councils} holds it. */
  public static String planFile(String slug) {
    String path = "demo-councils/" + slug + "/plan.csv";
    try (InputStream in = DemoCouncils.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("No " + path + " on the classpath (module demo-councils)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
