package org.improvementhub.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.fuzz.AlmostValidAddresses;
import org.improvementhub.testsupport.fuzz.AlmostValidBodies;
import org.improvementhub.testsupport.fuzz.AlmostValidFiles;
import org.improvementhub.testsupport.fuzz.AlmostValidForms;
import org.improvementhub.testsupport.fuzz.BadAddress;
import org.improvementhub.testsupport.fuzz.BadBody;
import org.improvementhub.testsupport.fuzz.BadFile;
import org.improvementhub.testsupport.fuzz.FuzzBudget;
import org.improvementhub.testsupport.fuzz.FuzzTally;
import org.improvementhub.testsupport.fuzz.ServiceUnderFuzz;
import org.improvementhub.testsupport.fuzz.Verdict;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;

/**
 * Generated bad input against the measures API (jqwik): every write given an almost-valid body, and
 * values and definitions files almost like a valid one. Every answer is a success or a 4xx
 * problem+json naming the field at fault, never a 5xx; a refused import leaves the council's
 * measures and values as they were. CI runs a small seeded set; {@code infra/bench/run-fuzz.sh}
 * runs ten thousand cases and more.
 */
class MeasuresFuzzIT {

  private static final CouncilTestBed BED = CouncilTestBed.freshDatabase();
  private static final String COUNCIL = BED.council("nottinghamshire", "Nottinghamshire", 891);
  private static final String TOKEN = BED.token(COUNCIL, "PROGRAMME_MANAGER");
  private static final String BASE = "/councils/" + COUNCIL + "/measures";
  private static final String MEASURE_NAME = "Visits on time";

  private static ServiceUnderFuzz service;
  private static List<Write> writes;
  private static String measure;
  private static AlmostValidAddresses addresses;

  /** A route that takes a JSON body, and a body it accepts. */
  record Write(String method, String path, String validJson) {}

  /** A write and the almost-valid body sent to it. */
  record Case(Write write, BadBody body) {
    @Override
    public String toString() {
      return write.method() + " " + write.path() + " " + body;
    }
  }

  @BeforeContainer
  static void start() {
    service = ServiceUnderFuzz.start(BED, "/measures");
    String newMeasure =
        """
        {"name":"%s","definition":"Visits within timescale as a share of all visits","unit":"PERCENT",
         "polarity":"HIGHER_IS_BETTER","frequency":"MONTHLY","owner":"Head of Service","dataSource":"Mosaic",
         "baseline":{"value":71.5,"date":"2024-03-31"},"tolerance":2.5,
         "targets":[{"from":"2024-01","value":80},{"from":"2025-01","value":85}]}
        """;
    ApiResponse created = api().post(BASE, TOKEN, newMeasure.formatted(MEASURE_NAME));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    measure = created.json().get("id").asText();
    String one = BASE + "/" + measure;
    writes =
        List.of(
            new Write("POST", BASE, newMeasure.formatted("Re-referrals")),
            new Write(
                "PATCH",
                one,
                """
                {"name":"Visits on time","definition":"d","owner":"o","dataSource":"s",
                 "baseline":{"value":70,"date":"2024-03-31"},"tolerance":1,"frequency":"MONTHLY",
                 "unit":"PERCENT","polarity":"HIGHER_IS_BETTER"}
                """),
            new Write(
                "PUT",
                one + "/targets",
                """
                {"tolerance":2,"targets":[{"from":"2024-01","value":80},{"from":"2025-01","value":85}]}
                """),
            new Write(
                "PUT",
                one + "/values/2024-03",
                """
                {"value":84.8,"numerator":312,"denominator":368,"note":"From the March pack"}
                """),
            new Write(
                "PUT",
                one + "/comparators/2023",
                """
                {"england":23.6,"statisticalNeighbours":21.2,"source":"DfE CIN census"}
                """),
            new Write(
                "POST",
                BASE + "/adopt",
                """
                {"code":"social-worker-vacancy-rate","owner":"Principal Social Worker","dataSource":"HR",
                 "baseline":{"value":18,"date":"2024-03-31"},"tolerance":1,"targets":[{"from":"2024-06","value":15}]}
                """));
    // a measure of its own for the addresses, whose writes may change or unlink it
    ApiResponse other = api().post(BASE, TOKEN, newMeasure.formatted("Addresses"));
    assertThat(other.status()).as(other.body()).isEqualTo(201);
    addresses =
        AlmostValidAddresses.of(service.context())
            .with("council", COUNCIL)
            .with("id", other.json().get("id").asText())
            .with("period", "2024-03")
            .with("year", "2023")
            .with("code", "social-worker-vacancy-rate")
            .with("kind", "actions")
            .withBody(
                "PUT /councils/{council}/measures/{id}/values/{period}",
                "{\"value\":84.8,\"numerator\":312,\"denominator\":368,\"note\":\"March\"}")
            .withBody(
                "PUT /councils/{council}/measures/{id}/comparators/{year}",
                "{\"england\":23.6,\"statisticalNeighbours\":21.2,\"source\":\"DfE\"}");
  }

  @AfterContainer
  static void stop() {
    service.close();
  }

  @Property
  @FuzzBudget(ci = 200)
  void everyWriteAnswersASuccessOrAProblemNamingTheField(@ForAll("writes") Case sent) {
    long start = System.nanoTime();
    ApiResponse answer =
        sent.body().sendTo(api(), sent.write().method(), sent.write().path(), TOKEN);
    FuzzTally tally = FuzzTally.current();
    tally.took(sent, start);
    Verdict verdict = tally.count(Verdict.of(answer, sent.body()));
    assertThat(verdict.fine()).as(sent + "\n→ " + verdict).isTrue();
  }

  @Property
  @FuzzBudget(ci = 100)
  void everyAddressAnswersASuccessOrAProblem(@ForAll("addresses") BadAddress sent) {
    long start = System.nanoTime();
    ApiResponse answer = sent.sendTo(service.url(), TOKEN);
    FuzzTally tally = FuzzTally.current();
    tally.took(sent, start);
    Verdict verdict = tally.count(Verdict.ofAddress(answer));
    assertThat(verdict.fine()).as(sent + "\n→ " + verdict).isTrue();
  }

  @Provide
  Arbitrary<BadAddress> addresses() {
    return addresses.addresses();
  }

  @Property
  @FuzzBudget(ci = 40)
  void aValuesFileIsImportedWholeOrNotAtAll(@ForAll("valueFiles") BadFile file) {
    importedWholeOrNotAtAll(file, BASE + "/values/import");
  }

  @Property
  @FuzzBudget(ci = 30)
  void aDefinitionsFileIsImportedWholeOrNotAtAll(@ForAll("definitionFiles") BadFile file) {
    importedWholeOrNotAtAll(file, BASE + "/import");
  }

  // Disabled in session 6: "a part of 11534336 bytes" was never answered (Micronaut's form decoder
  // stopped reading a body above the 1 MB limit), now refused at once by web-conventions'
  // OversizedBodies; ValueImportIT keeps it and the two unbindable envelopes as plain tests.
  @Property
  @FuzzBudget(ci = 30)
  void anUploadedFormIsImportedWholeOrNotAtAll(@ForAll("importForms") Upload sent) {
    importedWholeOrNotAtAll(sent, () -> sent.form().sendTo(api(), "POST", sent.path(), TOKEN));
  }

  /** A multipart upload, its envelope or its file almost valid, to one of the two imports. */
  record Upload(String path, BadBody form) {
    @Override
    public String toString() {
      return "POST " + path + " " + form;
    }
  }

  @Provide
  Arbitrary<Upload> importForms() {
    return Arbitraries.oneOf(
        AlmostValidForms.multipart(
                Map.of(), "file", "values.csv", validCsv(valuesCsv()), valueFiles())
            .map(form -> new Upload(BASE + "/values/import", form)),
        AlmostValidForms.multipart(
                Map.of(), "file", "definitions.csv", validCsv(DEFINITIONS_CSV), definitionFiles())
            .map(form -> new Upload(BASE + "/import", form)));
  }

  private static BadFile validCsv(String csv) {
    return new BadFile("as it is", BadFile.CSV, csv.getBytes(StandardCharsets.UTF_8));
  }

  private static void importedWholeOrNotAtAll(BadFile file, String path) {
    importedWholeOrNotAtAll(file, () -> file.postTo(api(), path, TOKEN));
  }

  private static void importedWholeOrNotAtAll(Object file, Supplier<ApiResponse> send) {
    String before = measuresOfTheCouncil();
    long start = System.nanoTime();
    ApiResponse answer = send.get();
    FuzzTally tally = FuzzTally.current();
    tally.took(file, start);
    Verdict verdict = tally.count(Verdict.ofImport(answer));
    assertThat(verdict.fine()).as(file + "\n→ " + verdict).isTrue();
    if (answer.status() >= 400) {
      String after = measuresOfTheCouncil();
      if (!after.equals(before)) {
        tally.countHalfApplied();
      }
      assertThat(after).as("refused yet changed: " + file).isEqualTo(before);
    }
  }

  @Provide
  Arbitrary<Case> writes() {
    return Arbitraries.of(writes)
        .flatMap(write -> AlmostValidBodies.from(write.validJson()).map(b -> new Case(write, b)));
  }

  @Provide
  Arbitrary<BadFile> valueFiles() {
    return AlmostValidFiles.from(valuesCsv());
  }

  private static String valuesCsv() {
    return """
        measure,period,value,numerator,denominator,note
        %s,2024-01,,45,50,From the January pack
        %s,2024-02,92,,,
        %s,2024-04,95.5,,,"A note, with a comma"
        """
        .formatted(MEASURE_NAME, MEASURE_NAME.toLowerCase(), measure);
  }

  private static final String DEFINITIONS_CSV =
      """
      name,definition,unit,polarity,frequency,owner,data source,baseline,baseline date,tolerance,targets,code
      Re-referrals within 12 months,Referrals within 12 months of a previous one,PERCENT,LOWER_IS_BETTER,MONTHLY,Head of Front Door,Mosaic CS004,26.1,2024-03-31,2,2024-09=24; 2025-03=22,
      Children seen alone,Visits where the child was seen alone,PERCENT,HIGHER_IS_BETTER,QUARTERLY,Head of Service,Mosaic,60,2024-03-31,,2024-06=70,
      """;

  @Provide
  Arbitrary<BadFile> definitionFiles() {
    return AlmostValidFiles.from(DEFINITIONS_CSV);
  }

  /** What the council's measures hold, as the API shows them: definitions and every value. */
  private static String measuresOfTheCouncil() {
    String all = api().get(BASE, TOKEN).body();
    return all + "\n" + api().get(BASE + "/" + measure + "/values", TOKEN).body();
  }

  private static HubApi api() {
    return service.api();
  }
}
