package org.improvementhub.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.junit.jupiter.api.Test;

/**
 * Runbook "export and restore a council" (docs/runbooks/export-restore-council.md), with every
 * service a process of its own: a council with a plan (items, actions, drivers, progress), measures
 * with values and an audit trail is exported by a platform admin and restored into a newly
 * provisioned council; the plans, measures and audit APIs then answer the same for both, and so
 * does the oversight dashboard once plans and measures have announced the copy again.
 */
class CouncilExportRestoreIT {

  private static final String PASSWORD = "Ops-User-Password-1";
  private static final Duration WAIT = Duration.ofSeconds(90);

  private final RunningStack stack = RunningStack.shared();
  private final HubApi tenancy = stack.api("tenancy");
  private final HubApi plans = stack.api("plans");
  private final HubApi measures = stack.api("measures");
  private final HubApi oversight = stack.api("oversight");
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aRestoredCouncilAnswersThePlansMeasuresAndAuditApisAsTheOriginalDoes() throws Exception {
    String admin = stack.adminToken();
    String source = TestCouncils.uniqueSlug("rotherham");
    String copy = TestCouncils.uniqueSlug("rotherham-copy");
    String sourceManager = provisionWithManager(admin, source, "Rotherham Council", 372);
    String copyManager = provisionWithManager(admin, copy, "Rotherham Council (restored)", 373);
    List<String> paths = fillWithAPlanAndMeasures(source, sourceManager);

    byte[] export = download("/councils/" + source + "/export", admin);
    assertThat(entriesOf(export))
        .contains("manifest.json", "tables/improvement_action.csv", "tables/audit_entry.csv");

    ApiResponse restored = upload("/councils/" + copy + "/restore", admin, export);
    assertThat(restored.status()).as(restored.body()).isEqualTo(200);
    assertThat(restored.json().path("restoredFrom").asText()).isEqualTo(source);
    assertThat(restored.json().path("rows").path("improvement_action").asLong()).isEqualTo(2);

    for (String path : paths) {
      HubApi api = path.startsWith("measures:") ? measures : plans;
      String route = path.substring(path.indexOf(':') + 1);
      ApiResponse original = api.get("/councils/" + source + route, sourceManager);
      ApiResponse again = api.get("/councils/" + copy + route, copyManager);
      assertThat(original.status()).as(route + " " + original.body()).isEqualTo(200);
      assertThat(again.status()).as(route).isEqualTo(200);
      // the only difference allowed is the council's own slug, where an answer names it
      JsonNode restoredAnswer =
          new ApiResponse(200, "", "", again.body().replace(copy, source)).json();
      assertThat(restoredAnswer).as(route).isEqualTo(original.json());
    }

    // the restore wrote rows, not events: plans and measures announce the copy again on
    // CouncilRestored, so the oversight dashboard shows it as it shows the original
    JsonNode originalSummary = awaitSummary(admin, source);
    JsonNode restoredSummary = awaitSummary(admin, copy);
    assertThat(restoredSummary.path("totalActions").asLong()).isEqualTo(2);
    for (String field :
        List.of(
            "totalActions",
            "rag",
            "overdue",
            "dueNext30Days",
            "measures",
            "drivers",
            "driversWithoutActions")) {
      assertThat(restoredSummary.path(field)).as(field).isEqualTo(originalSummary.path(field));
    }
  }

  /** The council's oversight summary once it counts both actions, the driver and the measure. */
  private JsonNode awaitSummary(String admin, String council) {
    return oversight
        .awaitGet(
            "/oversight/councils/" + council,
            admin,
            r ->
                r.status() == 200
                    && r.json().path("totalActions").asLong() == 2
                    && r.json().path("drivers").asLong() == 1
                    && r.json().path("measures").findValues("count").stream()
                            .mapToLong(JsonNode::asLong)
                            .sum()
                        == 1,
            WAIT)
        .json();
  }

  @Test
  void aRestoreIntoACouncilThatHasDataIsRefusedAndChangesNothing() throws Exception {
    String admin = stack.adminToken();
    String source = TestCouncils.uniqueSlug("wirral");
    String busy = TestCouncils.uniqueSlug("wirral-busy");
    String sourceManager = provisionWithManager(admin, source, "Wirral Council", 344);
    String busyManager = provisionWithManager(admin, busy, "Wirral Busy", 345);
    fillWithAPlanAndMeasures(source, sourceManager);
    String programme = programme(busy, busyManager, "Busy plan");
    byte[] export = download("/councils/" + source + "/export", admin);

    ApiResponse refused = upload("/councils/" + busy + "/restore", admin, export);

    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.isProblem()).isTrue();
    assertThat(refused.body()).contains("already has data");
    ApiResponse programmes = plans.get("/councils/" + busy + "/programmes", busyManager);
    assertThat(programmes.json().findValuesAsText("id")).containsExactly(programme);
  }

  @Test
  void onlyAPlatformAdminMayExportOrRestoreAndAnotherCouncilsUserLearnsNothing() throws Exception {
    String admin = stack.adminToken();
    String council = TestCouncils.uniqueSlug("knowsley");
    String other = TestCouncils.uniqueSlug("sefton");
    String manager = provisionWithManager(admin, council, "Knowsley Council", 340);
    String otherManager = provisionWithManager(admin, other, "Sefton Council", 343);

    assertThat(status("/councils/" + council + "/export", manager)).isEqualTo(403);
    // the routes are declared for platform admins: every other role is refused before any council
    // is looked at, with the same answer for another council as for one that does not exist
    assertThat(status("/councils/" + council + "/export", otherManager)).isEqualTo(403);
    assertThat(status("/councils/no-such-council/export", otherManager)).isEqualTo(403);
    assertThat(status("/councils/" + council + "/export", null)).isEqualTo(401);
    ApiResponse observer =
        tenancy.post(
            "/users",
            admin,
            "{\"email\":\"observer-%s@ops.test\",\"displayName\":\"Observer\",\"password\":\"%s\",\"roles\":[\"DFE_OBSERVER\"],\"observerScope\":[\"*\"]}"
                .formatted(council, PASSWORD));
    assertThat(observer.status()).as(observer.body()).isEqualTo(201);
    String observerToken =
        DemoCouncils.login(tenancy, "observer-" + council + "@ops.test", PASSWORD);
    assertThat(status("/councils/" + council + "/export", observerToken)).isEqualTo(403);
    assertThat(upload("/councils/" + council + "/restore", observerToken, new byte[] {1}).status())
        .isEqualTo(403);
    ApiResponse notAZip = upload("/councils/" + council + "/restore", admin, new byte[] {1, 2, 3});
    assertThat(notAZip.status()).isEqualTo(400);
    assertThat(notAZip.isProblem()).isTrue();
    assertThat(notAZip.body()).contains("file");
    assertThat(upload("/councils/" + other + "/restore", manager, new byte[] {1}).status())
        .isEqualTo(403);
  }

  /** Every API path compared after the restore, {@code measures:} for the measures service. */
  private List<String> fillWithAPlanAndMeasures(String council, String manager) {
    String base = "/councils/" + council;
    String programme = programme(council, manager, "Children's Services Improvement Plan");
    String theme =
        created(
            plans.post(
                base + "/programmes/" + programme + "/items",
                manager,
                """
        {"parentId":null,"ref":"1","title":"Leadership and management","successCriteria":"Managers know their services","owner":"DCS"}
        """));
    String outcome =
        created(
            plans.post(
                base + "/programmes/" + programme + "/items",
                manager,
                """
        {"parentId":"%s","ref":"1.1","title":"Supervision is regular and reflective","successCriteria":"Audits show monthly supervision","owner":"Head of Service"}
        """
                    .formatted(theme)));
    List<String> actions = new ArrayList<>();
    for (String ref : List.of("1.1.1", "1.1.2")) {
      actions.add(
          created(
              plans.post(
                  base + "/actions",
                  manager,
                  """
          {"ref":"%s","title":"Audit supervision records %s","leads":[{"name":"Lee Lead","email":"lee@example.org","role":"Head of Service"}],
           "programmeId":"%s","parentId":"%s","startDate":"2026-01-05","dueDate":"%s","ragStatus":"AMBER",
           "evidenceLinks":["https://intranet.example/audit-%s"]}
          """
                      .formatted(ref, ref, programme, outcome, LocalDate.of(2026, 9, 30), ref))));
    }
    created(
        plans.post(
            base + "/actions/" + actions.get(0) + "/progress-reports",
            manager,
            """
        {"period":"2026-03","ragStatus":"AMBER","note":"Two teams audited"}
        """));
    String driver =
        created(
            plans.post(
                base + "/drivers",
                manager,
                """
        {"kind":"OFSTED_RECOMMENDATION","ref":"OR 1","text":"Ensure supervision is regular","timeframe":"IMMEDIATELY","programmeId":"%s"}
        """
                    .formatted(programme)));
    ApiResponse linked =
        plans.put(base + "/drivers/" + driver + "/actions/" + actions.get(0), manager, "{}");
    assertThat(linked.status()).as(linked.body()).isBetween(200, 204);
    String measure =
        created(
            measures.post(
                base + "/measures",
                manager,
                """
        {"name":"Re-referrals within 12 months","definition":"Referrals within 12 months of a previous one","unit":"PERCENT",
         "polarity":"LOWER_IS_BETTER","frequency":"MONTHLY","tolerance":1,"targets":[{"from":"2026-01","value":20}]}
        """));
    for (String[] value : new String[][] {{"2026-01", "24.5"}, {"2026-02", "22.1"}}) {
      ApiResponse put =
          measures.put(
              base + "/measures/" + measure + "/values/" + value[0],
              manager,
              "{\"value\":" + value[1] + "}");
      assertThat(put.status()).as(put.body()).isBetween(200, 201);
    }
    return List.of(
        ":/programmes",
        ":/programmes/" + programme + "/tree",
        ":/actions",
        ":/actions/" + actions.get(0),
        ":/actions/" + actions.get(0) + "/progress-reports",
        ":/drivers",
        ":/drivers/" + driver,
        ":/audit?size=200",
        "measures:/measures",
        "measures:/measures/" + measure,
        "measures:/measures/" + measure + "/values");
  }

  private String programme(String council, String manager, String name) {
    return created(
        plans.post(
            "/councils/" + council + "/programmes",
            manager,
            """
        {"name":"%s","trigger":{"kind":"OFSTED_INSPECTION","date":"2025-11-14","judgement":"Inadequate"},
         "improvementBoard":"Improvement Board","reportingCadence":null,
         "programmeManager":{"name":"Pat Manager","email":"pat.manager@example.org"},
         "levelNames":["Theme","Outcome","Action"],"startDate":"2026-01-01","endDate":"2027-03-31"}
        """
                .formatted(name)));
  }

  private String provisionWithManager(String admin, String council, String name, int laCode) {
    return stack.provisionWithManager(
        admin, council, name, laCode, "pm-" + council + "@ops.test", PASSWORD);
  }

  private static String created(ApiResponse response) {
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  private byte[] download(String path, String token) throws Exception {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(stack.services().get("tenancy").baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/zip");
    return response.body();
  }

  private int status(String path, String token) {
    return tenancy
        .send(tenancy.request(path, token).setHeader("Accept", "application/zip").GET())
        .status();
  }

  private ApiResponse upload(String path, String token, byte[] zip) {
    return tenancy.send(
        tenancy
            .request(path, token)
            .header("Content-Type", "application/zip")
            .POST(HttpRequest.BodyPublishers.ofByteArray(zip)));
  }

  private static List<String> entriesOf(byte[] zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        names.add(entry.getName());
      }
    }
    return names;
  }
}
