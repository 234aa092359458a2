package org.improvementhub.plans.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.improvementhub.plans.documents.fixtures.CouncilDocuments;
import org.improvementhub.plans.documents.fixtures.DemoPlan;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.PostgresEndpoint;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A council's own Word plan uploaded, previewed, re-mapped, confirmed and downloaded as the
 * template, against real PostgreSQL; bad files refused with nothing stored; one council never sees
 * another's proposals and observers cannot write.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanDocumentsIT implements TestPropertyProvider {

  private static final String DOCX = PlanDocumentController.DOCX;
  private static final List<String> TABLES =
      List.of(
          "programme",
          "plan_item",
          "improvement_action",
          "plan_driver",
          "action_lead",
          "action_progress_report",
          "plan_document_proposal",
          "plan_document_column");

  private final HubTestProperties properties =
      HubTestProperties.freshDatabase().with("hub.plans.overdue-scan.after-start", "1h");
  private final String council = TestCouncils.uniqueSlug("walsall");
  private final String other = TestCouncils.uniqueSlug("peterborough");
  private final TestTokens tokens = TestTokens.shared();
  private final String token = tokens.councilUser(council, "PROGRAMME_MANAGER");
  private final HttpClient http = HttpClient.newHttpClient();

  @Inject EmbeddedServer server;
  private HubApi api;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @BeforeAll
  void provision() {
    api = new HubApi(server.getURL().toString());
    TestCouncils.provision(properties.database(), council, "Walsall", 335);
    TestCouncils.provision(properties.database(), other, "Peterborough", 874);
    for (String slug : List.of(council, other)) {
      api.awaitGet(
          "/councils/" + slug + "/programmes",
          tokens.councilUser(slug, "PROGRAMME_MANAGER"),
          r -> r.status() == 200,
          Duration.ofSeconds(30));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"nottinghamshire", "peterborough", "walsall", "west-sussex"})
  void eachCouncilsDocumentConfirmedGivesItsDemoPlanUpToWhatTheDocumentLacks(String slug) {
    DemoPlan demo = DemoPlan.of(slug);
    ApiResponse uploaded = upload(council, token, CouncilDocuments.of(slug), slug + ".docx");
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    JsonNode proposal = uploaded.json();
    String id = proposal.get("id").asText();
    assertThat(uploaded.location()).endsWith("/programmes/documents/" + id);
    assertThat(proposal.get("countsPerLevel").get("Action").asInt())
        .isEqualTo(demo.records("ACTION").size());
    assertThat(proposal.get("mapping")).isNotEmpty();
    proposal
        .get("mapping")
        .forEach(column -> assertThat(column.get("reason").asText()).isNotBlank());
    proposal.get("flags").forEach(flag -> assertThat(flag.get("message").asText()).isNotBlank());
    assertThat(api.get(base(council) + "/" + id, token).json()).isEqualTo(proposal);

    ApiResponse confirmed =
        api.post(
            base(council) + "/" + id + "/confirm",
            token,
            "{\"settings\":{\"name\":\"" + slug + " from its Word plan\"}}");
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
    String programme = confirmed.json().get("programmeId").asText();
    assertThat(confirmed.json().get("actions").asInt()).isEqualTo(demo.records("ACTION").size());
    assertThat(confirmed.json().get("items").asInt()).isEqualTo(demo.records("ITEM").size());

    // the tree as the API shows it: every demo item and action, same ref, parent and title,
    // except refs the document itself gets wrong, which the proposal flags as duplicates
    JsonNode tree =
        api.get("/councils/" + council + "/programmes/" + programme + "/tree", token).json();
    Map<String, String> read = new LinkedHashMap<>();
    flatten(tree.get("nodes"), "", read);
    List<String> missing = new ArrayList<>();
    for (Map<String, String> row : demo.rows()) {
      if (!List.of("ITEM", "ACTION").contains(row.get("record"))) {
        continue;
      }
      String expected = row.get("parent_ref") + " > " + row.get("title");
      if (!expected.equals(read.get(row.get("ref")))) {
        missing.add(row.get("ref"));
      }
    }
    for (String ref : missing) {
      assertThat(proposal.get("flags").toString())
          .as(slug + " " + ref)
          .contains("\"kind\":\"DUPLICATE\"");
    }
    assertThat(missing.size()).as(slug + ": " + missing).isLessThanOrEqualTo(1);
    JsonNode after = api.get(base(council) + "/" + id, token).json();
    assertThat(after.get("status").asText()).isEqualTo("CONFIRMED");
    assertThat(after.get("programmeId").asText()).isEqualTo(programme);
    assertThat(api.post(base(council) + "/" + id + "/confirm", token, "{}").status())
        .isEqualTo(409);
  }

  @Test
  void aChangedColumnMappingIsReadAgainAndRememberedForTheNextUpload() {
    byte[] walsall = CouncilDocuments.of("walsall");
    JsonNode first = upload(council, token, walsall, "walsall.docx").json();
    assertThat(first.get("actions").get(0).path("successCriteria").asText()).isNotBlank();
    String id = first.get("id").asText();
    // the council's own RAG wording, from the legend table, becomes the programme's
    assertThat(first.get("programme").get("rag_description_green").asText())
        .isEqualTo("Work progressing as expected");

    ApiResponse changed =
        api.put(
            base(council) + "/" + id + "/mapping",
            token,
            "{\"columns\":[{\"header\":\"Measures\",\"role\":\"IGNORED\"}]}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("actions").get(0).has("successCriteria")).isFalse();
    assertThat(api.get(base(council) + "/" + id, token).json()).isEqualTo(changed.json());

    JsonNode next = upload(council, token, walsall, "walsall-v2.docx").json();
    assertThat(next.get("actions").get(0).has("successCriteria")).isFalse();
    JsonNode measures = null;
    for (JsonNode column : next.get("mapping")) {
      if (column.get("header").asText().equals("Measures")) {
        measures = column;
      }
    }
    assertThat(measures.get("role").asText()).isEqualTo("IGNORED");
    assertThat(measures.get("reason").asText()).contains("last upload");

    ApiResponse unknown =
        api.put(
            base(council) + "/" + id + "/mapping",
            token,
            "{\"columns\":[{\"header\":\"Nowhere\",\"role\":\"LEAD\"}]}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("columns[0].header");
    ApiResponse badRole =
        api.put(
            base(council) + "/" + id + "/mapping",
            token,
            "{\"columns\":[{\"header\":\"Measures\",\"role\":\"BOSS\"}]}");
    assertThat(badRole.status()).isEqualTo(400);
    assertThat(badRole.isProblem()).isTrue();
    // put back for the other tests of this council
    api.put(
        base(council) + "/" + id + "/mapping",
        token,
        "{\"columns\":[{\"header\":\"Measures\",\"role\":\"MEASURE\"}]}");
  }

  @Test
  void aDuplicateRefIsResolvedAsChosenAndTheChoiceHoldsOnConfirm() {
    JsonNode read = upload(council, token, CouncilDocuments.of("peterborough"), "p.docx").json();
    String id = read.get("id").asText();
    int actions = read.get("actions").size();
    assertThat(refsOf(read.get("actions"))).contains("1.2.1", "1.2.1-2");

    ApiResponse unknown =
        api.put(
            base(council) + "/" + id + "/duplicates",
            token,
            "{\"choices\":[{\"ref\":\"1.1\",\"resolution\":\"SKIP\"}]}");
    assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
    assertThat(unknown.body()).contains("choices[0].ref");
    ApiResponse badChoice =
        api.put(
            base(council) + "/" + id + "/duplicates",
            token,
            "{\"choices\":[{\"ref\":\"1.2.1-2\",\"resolution\":\"SHRUG\"}]}");
    assertThat(badChoice.status()).isEqualTo(400);
    assertThat(badChoice.isProblem()).isTrue();

    ApiResponse renumbered =
        api.put(
            base(council) + "/" + id + "/duplicates",
            token,
            "{\"choices\":[{\"ref\":\"1.2.1-2\",\"resolution\":\"RENUMBER\"}]}");
    assertThat(renumbered.status()).as(renumbered.body()).isEqualTo(200);
    List<String> refs = refsOf(renumbered.json().get("actions"));
    assertThat(refs).doesNotContain("1.2.1-2").hasSize(actions);
    assertThat(renumbered.json().get("duplicateChoices").get("1.2.1-2").asText())
        .isEqualTo("RENUMBER");
    assertThat(api.get(base(council) + "/" + id, token).json()).isEqualTo(renumbered.json());

    ApiResponse skipped =
        api.put(
            base(council) + "/" + id + "/duplicates",
            token,
            "{\"choices\":[{\"ref\":\"1.2.1-2\",\"resolution\":\"SKIP\"}]}");
    assertThat(refsOf(skipped.json().get("actions"))).hasSize(actions - 1);
    ApiResponse confirmed =
        api.post(
            base(council) + "/" + id + "/confirm",
            token,
            "{\"settings\":{\"name\":\"Peterborough " + System.nanoTime() + "\"}}");
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
    assertThat(confirmed.json().get("actions").asInt()).isEqualTo(actions - 1);

    // another council does not find it; observers cannot choose
    String stranger = tokens.councilUser(other, "PROGRAMME_MANAGER");
    String body = "{\"choices\":[{\"ref\":\"1.2.1-2\",\"resolution\":\"SKIP\"}]}";
    assertThat(api.put(base(council) + "/" + id + "/duplicates", stranger, body).status())
        .isEqualTo(404);
    assertThat(api.put(base(other) + "/" + id + "/duplicates", stranger, body).status())
        .isEqualTo(404);
    assertThat(
            api.put(base(council) + "/" + id + "/duplicates", tokens.observer("*"), body).status())
        .isEqualTo(403);
  }

  private static List<String> refsOf(JsonNode actions) {
    List<String> refs = new java.util.ArrayList<>();
    actions.forEach(a -> refs.add(a.get("ref").asText()));
    return refs;
  }

  @Test
  void theProposalDownloadsAsTheTemplateXlsxThatImportsAsItIs() throws IOException {
    String id =
        upload(council, token, CouncilDocuments.of("peterborough"), "p.docx")
            .json()
            .get("id")
            .asText();
    HttpResponse<byte[]> xlsx = download(base(council) + "/" + id + "/template?format=xlsx");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      assertThat(workbook.getSheet("Plan")).isNotNull();
      assertThat(workbook.getSheet("Guide")).isNotNull();
    }
    ApiResponse dryRun =
        api.send(
            api.request("/councils/" + council + "/programmes/import?dryRun=true", token)
                .header(
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .POST(HttpRequest.BodyPublishers.ofByteArray(xlsx.body())));
    assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
    assertThat(dryRun.json().get("actions").asInt()).isEqualTo(77);
    assertThat(download(base(council) + "/" + id + "/template?format=pdf").statusCode())
        .isEqualTo(400);
  }

  @Test
  void badFilesGetAClearProblemAndNothingIsStored() throws Exception {
    Map<String, Long> before = counts();

    XWPFDocument noTable = new XWPFDocument();
    noTable.createParagraph().createRun().setText("Our improvement plan: the actions will follow.");
    assertFileProblem(upload(council, token, bytes(noTable), "empty.docx"), "no table of actions");

    byte[] good = CouncilDocuments.of("walsall");
    byte[] corrupt = java.util.Arrays.copyOf(good, good.length / 2);
    assertFileProblem(upload(council, token, corrupt, "corrupt.docx"), "damaged");

    assertFileProblem(upload(council, token, encrypted(good), "locked.docx"), "password");

    assertFileProblem(
        upload(council, token, "%PDF-1.4 not a plan".getBytes(), "plan.pdf"), "not a Word");
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook.createSheet("Plan");
      workbook.write(out);
      assertFileProblem(upload(council, token, out.toByteArray(), "plan.xlsx"), "not a Word");
    }

    byte[] huge = new byte[50 * 1024 * 1024];
    new Random(7).nextBytes(huge);
    ApiResponse tooLarge = upload(council, token, huge, "huge.docx");
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.isProblem()).as(tooLarge.body()).isTrue();

    assertThat(counts()).isEqualTo(before);
  }

  /** Found by PlansFuzzIT: a start date of 42 in the confirmed settings was a 500. */
  @Test
  void aSettingThatShouldBeADateButIsNotIs400NamingItAndConfirmsNothing() {
    String id =
        upload(council, token, CouncilDocuments.of("walsall"), "d.docx").json().get("id").asText();
    for (String date : List.of("42", "99999-12")) {
      ApiResponse refused =
          api.post(
              base(council) + "/" + id + "/confirm",
              token,
              "{\"settings\":{\"start_date\":\"" + date + "\"}}");
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.json().path("errors").findValuesAsText("field"))
          .as(refused.body())
          .containsExactly("settings.start_date");
    }
    assertThat(api.get(base(council) + "/" + id, token).json().get("status").asText())
        .isNotEqualTo("CONFIRMED");
  }

  @Test
  void anotherCouncilSeesNothingAndObserversCannotWrite() {
    String id =
        upload(council, token, CouncilDocuments.of("walsall"), "w.docx").json().get("id").asText();
    String stranger = tokens.councilUser(other, "PROGRAMME_MANAGER");
    String observer = tokens.observer("*");
    String boardMember = tokens.councilUser(council, "BOARD_MEMBER");

    // another council's user, on this council's paths and on their own with this council's id
    assertThat(api.get(base(council) + "/" + id, stranger).status()).isEqualTo(404);
    assertThat(api.get(base(other) + "/" + id, stranger).status()).isEqualTo(404);
    assertThat(api.post(base(other) + "/" + id + "/confirm", stranger, "{}").status())
        .isEqualTo(404);
    assertThat(download(base(other) + "/" + id + "/template", stranger).statusCode())
        .isEqualTo(404);
    assertThat(upload(council, stranger, CouncilDocuments.of("walsall"), "x.docx").status())
        .isEqualTo(404);
    assertThat(
            api.put(
                    base(council) + "/" + id + "/mapping",
                    stranger,
                    "{\"columns\":[{\"header\":\"Measures\",\"role\":\"IGNORED\"}]}")
                .status())
        .isEqualTo(404);

    // observers and board members read, but cannot upload, re-map or confirm
    assertThat(api.get(base(council) + "/" + id, observer).status()).isEqualTo(200);
    assertThat(upload(council, observer, CouncilDocuments.of("walsall"), "x.docx").status())
        .isEqualTo(403);
    assertThat(api.post(base(council) + "/" + id + "/confirm", observer, "{}").status())
        .isEqualTo(403);
    assertThat(
            api.put(
                    base(council) + "/" + id + "/mapping",
                    observer,
                    "{\"columns\":[{\"header\":\"Measures\",\"role\":\"IGNORED\"}]}")
                .status())
        .isEqualTo(403);
    assertThat(upload(council, boardMember, CouncilDocuments.of("walsall"), "x.docx").status())
        .isEqualTo(403);
    assertThat(api.post(base(council) + "/" + id + "/confirm", boardMember, "{}").status())
        .isEqualTo(403);
  }

  private void assertFileProblem(ApiResponse response, String words) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.body()).contains("\"file\"").contains(words);
  }

  private String base(String slug) {
    return "/councils/" + slug + "/programmes/documents";
  }

  private ApiResponse upload(String slug, String bearer, byte[] document, String fileName) {
    return api.send(
        api.request(base(slug) + "?fileName=" + fileName, bearer)
            .header("Content-Type", DOCX)
            .POST(HttpRequest.BodyPublishers.ofByteArray(document)));
  }

  private HttpResponse<byte[]> download(String path) {
    return download(path, token);
  }

  private HttpResponse<byte[]> download(String path, String bearer) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(server.getURL() + path))
              .header("Authorization", "Bearer " + bearer)
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The document saved with a password, as Word does: OOXML agile encryption in an OLE2 file. */
  private static byte[] encrypted(byte[] docx) throws Exception {
    try (POIFSFileSystem fs = new POIFSFileSystem();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
      encryptor.confirmPassword("board-only");
      try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(docx));
          OutputStream os = encryptor.getDataStream(fs)) {
        opc.save(os);
      }
      fs.writeFilesystem(out);
      return out.toByteArray();
    }
  }

  private static byte[] bytes(XWPFDocument document) throws IOException {
    try (document;
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.write(out);
      return out.toByteArray();
    }
  }

  private static void flatten(JsonNode nodes, String parent, Map<String, String> into) {
    if (nodes == null) {
      return;
    }
    for (JsonNode node : nodes) {
      into.put(node.get("ref").asText(), parent + " > " + node.get("title").asText());
      flatten(node.get("children"), node.get("ref").asText(), into);
    }
  }

  private Map<String, Long> counts() throws SQLException {
    PostgresEndpoint db = properties.database();
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
    return counts;
  }
}
