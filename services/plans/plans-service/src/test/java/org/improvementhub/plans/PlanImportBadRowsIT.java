package org.improvementhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.PostgresEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A plan file with bad rows is rejected whole: every problem is listed with its row and column, and
 * nothing at all is stored (counted in the council's schema before and after).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanImportBadRowsIT implements TestPropertyProvider {

  private static final List<String> TABLES =
      List.of(
          "programme",
          "plan_item",
          "improvement_action",
          "action_lead",
          "action_due_date_revision",
          "action_progress_report",
          "plan_driver",
          "plan_driver_action",
          "audit_entry");

  private final CouncilTestBed bed =
      CouncilTestBed.freshDatabase().with("hub.plans.overdue-scan.after-start", "1h");
  private final String council = bed.council("walsall", "Walsall", 335);
  private final String token = bed.token(council, "PROGRAMME_MANAGER");

  @Inject EmbeddedServer server;
  private PlanFiles files;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provision() {
    HubApi api = bed.start(server.getURL(), "/programmes");
    files = new PlanFiles(api, server.getURL().toString(), council, token);
  }

  @Test
  void aFileWithBadRowsIsRejectedWholeWithEveryProblemListed() throws SQLException {
    files.importedProgramme(PlanFiles.peterborough());
    Map<String, Long> before = counts();
    String bad =
        PlanFiles.peterborough()
            // row 30: unknown RAG
            + "ACTION,3.1.1,2.1,Bad rag,,,,A Lead <a.lead@walsall.demo>,,2012-01-31,,,,PURPLE,,,,,,,,,,\n"
            // row 31: missing ref
            + "ACTION,,2.1,No ref,,,,A Lead <a.lead@walsall.demo>,,2012-01-31,,,,GREEN,,,,,,,,,,\n"
            // row 32: dangling parent
            + "ACTION,3.1.2,9.9,Nowhere,,,,A Lead <a.lead@walsall.demo>,,2012-01-31,,,,GREEN,,,,,,,,,,\n"
            // row 33: bad date
            + "ACTION,3.1.3,2.1,Bad date,,,,A Lead <a.lead@walsall.demo>,,31/01/2012,,,,GREEN,,,,,,,,,,\n"
            // row 34: duplicate ref (2.1.1 is row 23)
            + "ACTION,2.1.1,2.1,Twice,,,,A Lead <a.lead@walsall.demo>,,2012-01-31,,,,GREEN,,,,,,,,,,\n"
            // row 35: unknown driver, bad lead
            + "ACTION,3.1.4,2.1,Odd links,,,,Just A Name,,2012-01-31,,,,GREEN,,,,,OR 99,,,,,\n"
            // row 36: an item under a missing parent
            + "ITEM,3.1,3,Orphan outcome,,,,,,,,,,,,,,,,,,,,\n"
            // row 37: progress on an unknown action, in a period outside the programme
            + "PROGRESS,7.7.7,,,,,,,,,,,,GREEN,2020-01,,,,,,,,,\n"
            // row 38: a period outside the programme
            + "PROGRESS,2.1.2,,,,,,,,,,,,GREEN,2020-01,,,,,,,,,\n";

    ApiResponse rejected = files.importCsv(bad);

    assertThat(rejected.status()).as(rejected.body()).isEqualTo(400);
    assertThat(rejected.contentType()).startsWith("application/problem+json");
    JsonNode problem = rejected.json();
    assertThat(problem.get("detail").asText()).startsWith("Nothing was imported");
    Map<String, String> errors = new LinkedHashMap<>();
    problem
        .get("errors")
        .forEach(
            e ->
                errors.merge(
                    e.get("field").asText(), e.get("message").asText(), (a, b) -> a + " | " + b));
    assertThat(errors)
        .containsKeys(
            "rows[30].rag",
            "rows[31].ref",
            "rows[32].parent_ref",
            "rows[33].due_date",
            "rows[34].ref",
            "rows[35].leads",
            "rows[35].drivers",
            "rows[36].parent_ref",
            "rows[37].ref",
            "rows[38].period");
    assertThat(errors.get("rows[30].rag")).contains("PURPLE");
    assertThat(errors.get("rows[32].parent_ref")).contains("9.9");
    assertThat(errors.get("rows[33].due_date")).contains("31/01/2012");
    assertThat(errors.get("rows[34].ref")).contains("row 23");
    assertThat(errors.get("rows[35].drivers")).contains("OR 99");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void missingSettingsAndUnknownColumnsAreNamed() {
    String file =
        PlanFiles.HEADER.strip() + ",colour\n" + "ITEM,1,,A priority,,,,,,,,,,,,,,,,,,,,,blue\n";
    ApiResponse rejected = files.importCsv(file);
    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.body()).contains("\"columns\"", "colour");

    ApiResponse noSettings =
        files.importCsv(PlanFiles.HEADER + "ITEM,1,,A priority,,,,,,,,,,,,,,,,,,,,\n");
    assertThat(noSettings.status()).isEqualTo(400);
    assertThat(noSettings.body())
        .contains("programme.name", "programme.level_names", "programme.programme_manager");

    ApiResponse empty = files.importCsv(PlanFiles.HEADER);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body()).contains("\"file\"");

    ApiResponse notXlsx = files.importFile(new byte[] {1, 2, 3}, PlanFiles.XLSX, "");
    assertThat(notXlsx.status()).isEqualTo(400);
    assertThat(notXlsx.body()).contains("\"file\"");
  }

  private Map<String, Long> counts() throws SQLException {
    PostgresEndpoint db = bed.database();
    String schema = CouncilSlug.of(council).schemaName();
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection connection =
            DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rs =
            statement.executeQuery("SELECT count(*) FROM " + schema + "." + table)) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    }
    assertThat(counts.get("improvement_action")).isPositive();
    return counts;
  }
}
