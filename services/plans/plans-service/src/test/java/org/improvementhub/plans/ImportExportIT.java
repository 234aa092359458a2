package org.improvementhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A whole programme imported from the plan template (CSV and XLSX), exported in the same template,
 * and imported again: the same plan each time (tree, drivers and links, actions with their leads,
 * revisions, progress history).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportExportIT implements TestPropertyProvider {

  private final CouncilTestBed bed =
      CouncilTestBed.freshDatabase().with("hub.plans.overdue-scan.after-start", "1h");
  private final String council = bed.council("peterborough", "Peterborough", 874);
  private final String token = bed.token(council, "PROGRAMME_MANAGER");

  @Inject EmbeddedServer server;
  private PlanRequests plans;
  private PlanFiles files;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provision() {
    HubApi api = bed.start(server.getURL(), "/programmes");
    plans = new PlanRequests(api, council, token);
    files = new PlanFiles(api, server.getURL().toString(), council, token);
  }

  @Test
  void aCsvPlanImportsWholeAndReadsBackThroughTheApi() {
    ApiResponse imported = files.importCsv(PlanFiles.peterborough());
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    JsonNode counts = imported.json();
    assertThat(counts.get("items").asInt()).isEqualTo(5);
    assertThat(counts.get("actions").asInt()).isEqualTo(4);
    assertThat(counts.get("drivers").asInt()).isEqualTo(3);
    assertThat(counts.get("progressReports").asInt()).isEqualTo(4);
    String programme = counts.get("programmeId").asText();
    assertThat(imported.location()).endsWith("/programmes/" + programme);

    JsonNode settings = plans.get(plans.base() + "/programmes/" + programme).json();
    assertThat(settings.get("name").asText()).isEqualTo("Children's Services Improvement Plan");
    assertThat(settings.get("levelNames").toString())
        .isEqualTo("[\"Pillar\",\"Outcome\",\"Action\"]");
    assertThat(settings.get("trigger").get("judgement").asText()).isEqualTo("Inadequate");
    assertThat(settings.toString()).contains("Not on track: the Board must act");

    JsonNode tree = plans.get(plans.base() + "/programmes/" + programme + "/tree").json();
    JsonNode roots = tree.get("nodes");
    List<String> shape = new ArrayList<>();
    flatten(roots, "", shape);
    assertThat(shape)
        .containsExactly(
            "1 Pillar",
            " 1.1 Outcome",
            "  1.1.1 Action BLUE",
            "2 Pillar",
            " 2.1 Outcome",
            "  2.1.1 Action AMBER",
            "  2.1.2 Action GREY",
            " 2.2 Outcome",
            "  2.2.1 Action RED");

    JsonNode audit21 =
        plans
            .get(
                plans.base()
                    + "/actions?programmeId="
                    + programme
                    + "&lead=lee.lead@peterborough.demo")
            .json();
    assertThat(audit21).hasSize(2);
    JsonNode action =
        audit21.get(0).get("ref").asText().equals("2.1.1") ? audit21.get(0) : audit21.get(1);
    String actionId = action.get("id").asText();
    assertThat(action.get("revisedDueDate").asText()).isEqualTo("2012-03-31");
    assertThat(action.get("dueDate").asText()).isEqualTo("2012-01-31");
    assertThat(action.get("evidenceLinks")).hasSize(2);
    assertThat(action.get("leads").get(0).get("role").asText()).isEqualTo("Head of Service");

    JsonNode history =
        plans.get(plans.base() + "/actions/" + actionId + "/progress-reports").json();
    assertThat(history).hasSize(2);
    assertThat(history.toString()).contains("2011-10", "2011-11", "recovery plan agreed");
    JsonNode revisions =
        plans.get(plans.base() + "/actions/" + actionId + "/due-date-revisions").json();
    assertThat(revisions).hasSize(1);
    assertThat(revisions.get(0).get("reason").asText()).isEqualTo("New audit tool delayed");

    JsonNode coverage = plans.get(plans.base() + "/drivers/coverage").json();
    assertThat(coverage.toString()).contains("OR 13", "IN 3.1");
    JsonNode board =
        plans.get(plans.base() + "/actions?programmeId=" + programme + "&rag=BLUE").json();
    assertThat(board.get(0).get("completedOn").asText()).isEqualTo("2011-11-20");
  }

  @Test
  void csvExportImportsBackToTheSamePlan() {
    String first = files.importedProgramme(PlanFiles.peterborough());
    String exported = files.exportCsv(first);
    assertThat(exported).startsWith("record,ref,parent_ref,title");
    assertThat(exported).contains("PROGRESS,2.1.1", "IN 3.1; OR 13", "(Board chair)");

    String second = files.importedProgramme(exported);
    assertThat(second).isNotEqualTo(first);
    assertThat(files.exportCsv(second)).isEqualTo(exported);
    assertThat(treeShape(second)).isEqualTo(treeShape(first));
  }

  @Test
  void xlsxExportHasThePlanAndItsGuideAndImportsBackToTheSamePlan() throws IOException {
    String first = files.importedProgramme(PlanFiles.peterborough());
    byte[] xlsx = files.exportXlsx(first);
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(workbook.getSheet("Plan").getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("record");
      assertThat(workbook.getSheet("Guide").getLastRowNum()).isGreaterThan(20);
    }
    ApiResponse imported = files.importFile(xlsx, PlanFiles.XLSX, "");
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    String second = imported.json().get("programmeId").asText();
    assertThat(files.exportCsv(second)).isEqualTo(files.exportCsv(first));
  }

  @Test
  void aDryRunChecksAndCountsButStoresNothing() {
    int before = plans.get(plans.base() + "/programmes").json().size();
    ApiResponse dry =
        files.importFile(
            PlanFiles.peterborough().getBytes(StandardCharsets.UTF_8),
            PlanFiles.CSV,
            "?dryRun=true");
    assertThat(dry.status()).as(dry.body()).isEqualTo(200);
    assertThat(dry.json().get("actions").asInt()).isEqualTo(4);
    assertThat(dry.json().get("dryRun").asBoolean()).isTrue();
    assertThat(dry.json().has("programmeId")).isFalse();
    assertThat(plans.get(plans.base() + "/programmes").json().size()).isEqualTo(before);
  }

  @Test
  void theEmptyTemplateComesAsCsvWithExamplesOrAsXlsxWithItsGuide() throws IOException {
    HttpResponse<byte[]> csv = files.download("/plan-template?format=csv", "*/*");
    assertThat(csv.statusCode()).isEqualTo(200);
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text).startsWith(PlanFiles.HEADER.strip());
    assertThat(text).contains("PROGRAMME", "ITEM", "DRIVER", "ACTION", "PROGRESS");
    HttpResponse<byte[]> xlsx = files.download("/plan-template", PlanFiles.XLSX);
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      assertThat(workbook.getSheet("Plan")).isNotNull();
      assertThat(workbook.getSheet("Guide").getRow(1).getCell(0).getStringCellValue())
          .isEqualTo("record");
    }
    assertThat(files.download("/plan-template?format=pdf", "*/*").statusCode()).isEqualTo(400);
    // the example rows of the CSV template import as they stand
    ApiResponse example = files.importFile(csv.body(), PlanFiles.CSV, "?dryRun=true");
    assertThat(example.status()).as(example.body()).isEqualTo(200);
  }

  private List<String> treeShape(String programme) {
    JsonNode tree = plans.get(plans.base() + "/programmes/" + programme + "/tree").json();
    List<String> shape = new ArrayList<>();
    flatten(tree.get("nodes"), "", shape);
    return shape;
  }

  private static void flatten(JsonNode nodes, String indent, List<String> into) {
    if (nodes == null) {
      return;
    }
    for (JsonNode node : nodes) {
      into.add(
          indent
              + node.get("ref").asText()
              + " "
              + node.get("level").asText()
              + (node.has("ragStatus") ? " " + node.get("ragStatus").asText() : ""));
      flatten(node.get("children"), indent + " ", into);
    }
  }
}
