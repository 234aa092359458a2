package org.improvementhub.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.improvementhub.localstack.HubService;
import org.improvementhub.localstack.ServiceProcess;
import org.improvementhub.localstack.StackConfiguration;
import org.improvementhub.plans.documents.PlanDocumentReader;
import org.improvementhub.plans.documents.Proposal;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.FreePorts;
import org.improvementhub.testsupport.infra.PostgresEndpoint;
import org.improvementhub.testsupport.infra.TestInfrastructure;
import org.improvementhub.testsupport.tokens.TestTokens;

/**
 * Issue 11's figure: the time from uploading a council's Word plan to having its preview, for a
 * 100-page, 600-action document (100 Ofsted areas, each on its own page, in West Sussex's layout:
 * six numbered actions in one cell with their dues and leads, KPIs and outcomes), against a real
 * plans service (its own JVM) on embedded PostgreSQL; and the reading alone, in this JVM.
 *
 * <p>Run: {@code infra/bench/run-plan-documents.sh [areas, default 100] [actions per area, default
 * 6] [uploads, default 10]}
 */
public final class PlanDocumentsBench {

  private static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  public static void main(String[] args) throws Exception {
    int areas = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int perArea = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    int uploads = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    byte[] document = document(areas, perArea);

    List<Double> reading = new ArrayList<>();
    Proposal proposal = null;
    for (int i = 0; i < 3 + uploads; i++) {
      long start = System.nanoTime();
      proposal = new PlanDocumentReader(Map.of()).read(document);
      if (i >= 3) {
        reading.add((System.nanoTime() - start) / 1e6);
      }
    }

    Path root = Path.of("").toAbsolutePath();
    TestInfrastructure infra = TestInfrastructure.shared();
    TestTokens tokens = TestTokens.shared();
    PostgresEndpoint database = infra.freshDatabase();
    StackConfiguration configuration =
        new StackConfiguration(
            database,
            infra.kafkaBootstrapServers(),
            infra.mail(),
            1,
            Files.createTempDirectory("hub-bench").resolve("key.pem"),
            "admin@bench.test",
            "unused-password-1",
            "0 0 0 1 1 ?");
    Map<String, String> properties = new HashMap<>(configuration.propertiesFor(HubService.PLANS));
    properties.put("micronaut.security.token.jwt.signatures.jwks.tenancy.url", tokens.jwksUrl());
    properties.put("micronaut.security.token.jwt.claims-validators.issuer", TestTokens.ISSUER);
    properties.put("hub.plans.overdue-scan.after-start", "1h");
    String council = TestCouncils.uniqueSlug("bench");
    String manager = tokens.councilUser(council, "PROGRAMME_MANAGER");
    List<Double> uploaded = new ArrayList<>();
    List<Double> previewed = new ArrayList<>();
    int proposalBytes = 0;
    try (ServiceProcess plans =
        ServiceProcess.start(
            HubService.PLANS,
            FreePorts.next(),
            root,
            properties,
            root.resolve("infra/bench/target/bench-logs"))) {
      plans.awaitHealthy(Duration.ofSeconds(180));
      TestCouncils.provision(database, council, "Bench council", 999);
      HubApi api = new HubApi(plans.baseUrl());
      api.awaitGet(
          "/councils/" + council + "/programmes",
          manager,
          r -> r.status() == 200,
          Duration.ofSeconds(60));
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String base = plans.baseUrl() + "/councils/" + council + "/programmes/documents";
      for (int i = 0; i < 3 + uploads; i++) {
        long start = System.nanoTime();
        HttpResponse<String> upload =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "?fileName=bench.docx"))
                    .timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Bearer " + manager)
                    .header("Content-Type", DOCX)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(document))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        double uploadMs = (System.nanoTime() - start) / 1e6;
        if (upload.statusCode() != 201) {
          throw new IllegalStateException(
              "Upload failed: " + upload.statusCode() + " " + upload.body());
        }
        String location = upload.headers().firstValue("Location").orElseThrow();
        long again = System.nanoTime();
        HttpResponse<String> preview =
            http.send(
                HttpRequest.newBuilder(URI.create(plans.baseUrl() + location))
                    .header("Authorization", "Bearer " + manager)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        double previewMs = (System.nanoTime() - again) / 1e6;
        if (preview.statusCode() != 200) {
          throw new IllegalStateException("Preview failed: " + preview.statusCode());
        }
        proposalBytes = preview.body().length();
        if (i >= 3) {
          uploaded.add(uploadMs);
          previewed.add(previewMs);
        }
      }
    }

    System.out.println();
    System.out.println("Plan documents bench (plans service in its own JVM, embedded PostgreSQL)");
    System.out.println(
        "  machine: "
            + Runtime.getRuntime().availableProcessors()
            + " cores, load average (1/5/15 min) "
            + loadAverage());
    System.out.printf(
        "  document: %d pages at least (one per area), %d actions, %d KB; proposal %d items, %d"
            + " actions, %d flags, %d KB of JSON%n",
        areas,
        proposal.actions().size(),
        document.length / 1024,
        proposal.items().size(),
        proposal.actions().size(),
        proposal.flags().size(),
        proposalBytes / 1024);
    System.out.printf(
        "  reading alone (this JVM, n=%d): %s%n",
        reading.size(), Percentiles.of(reading).summary(50, 100));
    System.out.printf(
        "  upload to preview (POST, proposal stored and returned, n=%d): %s%n",
        uploaded.size(), Percentiles.of(uploaded).summary(50, 100));
    System.out.printf(
        "  preview read again (GET, n=%d): %s%n",
        previewed.size(), Percentiles.of(previewed).summary(50, 100));
    // the embedded broker's threads would keep the JVM alive
    System.exit(0);
  }

  /** Areas of West Sussex's layout, each on a new page with a paragraph of context before it. */
  static byte[] document(int areas, int perArea) throws IOException {
    DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);
    List<String> header =
        List.of(
            "Ref",
            "Objectives / what needs to improve",
            "Ofsted Ref",
            "Action Required",
            "Due",
            "Leads",
            "Key Performance indicators/measure of success");
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFParagraph title = doc.createParagraph();
      title.setStyle("Title");
      title.createRun().setText("Practice Improvement Plan (bench)");
      for (int a = 1; a <= areas; a++) {
        XWPFParagraph context = doc.createParagraph();
        context.setPageBreak(true);
        context
            .createRun()
            .setText(
                ("Area " + a + " sets out what Ofsted found and how the service will respond. ")
                    .repeat(12));
        XWPFTable table = doc.createTable(2, header.size());
        for (int c = 0; c < header.size(); c++) {
          table.getRow(0).getCell(c).getParagraphs().get(0).createRun().setText(header.get(c));
        }
        List<List<String>> cells = new ArrayList<>();
        cells.add(List.of(Integer.toString(a)));
        cells.add(
            List.of("The quality of practice in area " + a + ", as the inspection found it."));
        cells.add(List.of("Pg " + (a % 12 + 1) + " Para " + a));
        List<String> actions = new ArrayList<>();
        List<String> dues = new ArrayList<>();
        List<String> leads = new ArrayList<>();
        for (int n = 1; n <= perArea; n++) {
          actions.add(
              a
                  + "."
                  + n
                  + ". Deliver improvement "
                  + n
                  + " of area "
                  + a
                  + ": train staff, audit the results and report them to the Improvement Board.");
          dues.add(LocalDate.of(2019, 7, 31).plusMonths((a + n) % 12).format(month));
          leads.add(n % 2 == 0 ? "Head of Service/ Practice Manager" : "Jackie Wood");
        }
        cells.add(actions);
        cells.add(dues);
        cells.add(leads);
        cells.add(List.of(a + ". % of audits rated good or better. Target: 80%"));
        for (int c = 0; c < cells.size(); c++) {
          for (int p = 0; p < cells.get(c).size(); p++) {
            XWPFParagraph paragraph =
                p == 0
                    ? table.getRow(1).getCell(c).getParagraphs().get(0)
                    : table.getRow(1).getCell(c).addParagraph();
            paragraph.createRun().setText(cells.get(c).get(p));
          }
        }
      }
      doc.write(out);
      return out.toByteArray();
    }
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
