package org.improvementhub.plans;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
 * Generated bad input against the plans API (jqwik): every write given an almost-valid body, and
 * plan files almost like a valid one. Every answer is a success or a 4xx problem+json naming the
 * field at fault, never a 5xx; a refused import leaves the council's plans as they were. CI runs a
 * small seeded set; {@code infra/bench/run-fuzz.sh} runs ten thousand cases and more.
 */
class PlansFuzzIT {

  private static final CouncilTestBed BED = CouncilTestBed.freshDatabase();
  private static final String COUNCIL = BED.council("peterborough", "Peterborough", 874);
  private static final String TOKEN = BED.token(COUNCIL, "PROGRAMME_MANAGER");

  private static ServiceUnderFuzz service;
  private static List<Write> writes;
  private static AlmostValidAddresses addresses;
  private static WordPlanCases wordPlans;

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
    service = ServiceUnderFuzz.start(BED, "/actions");
    PlanRequests plans = new PlanRequests(service.api(), COUNCIL, TOKEN);
    String base = plans.base();
    String programme = plans.programmeId("Priority", "Action");
    // the programme the fuzzed PUT changes: not the action's, whose reporting periods must hold
    String changedProgramme = plans.programmeId("Priority", "Action");
    String item = plans.itemId(programme, null, "1", "Leadership");
    String action = plans.actionId(programme, item, "1.1", LocalDate.of(2030, 3, 31), "GREEN");
    String driver = plans.post(base + "/drivers", driverJson()).json().get("id").asText();
    String risk = plans.post(base + "/risks", riskJson()).json().get("id").asText();
    String newAction =
        """
        {"ref":"2.1","title":"Audit every referral","lead":{"name":"Lee Lead","email":"lee@example.org","role":"Head of Service"},
         "leads":[{"name":"Ann Other","email":"ann@example.org","role":"Team"}],"dueDate":"2030-03-31","ragStatus":"GREEN",
         "programmeId":"%s","parentId":"%s","position":0,"startDate":"2029-10-01","description":"Weekly audits",
         "successCriteria":"All audited","evidenceLinks":["https://intranet.example/audit"]}
        """
            .formatted(programme, item);
    writes =
        List.of(
            new Write(
                "POST",
                base + "/programmes",
                PlanRequests.programmeJson("Improvement Plan", "MONTHLY", "Priority", "Action")),
            new Write(
                "PUT",
                base + "/programmes/" + changedProgramme,
                PlanRequests.programmeJson("Improvement Plan", "QUARTERLY", "Priority", "Action")),
            new Write(
                "POST",
                base + "/programmes/" + programme + "/items",
                """
                {"parentId":null,"ref":"3","title":"Safeguarding","description":"d","successCriteria":"Children are safer","owner":"Director","position":0}
                """),
            new Write(
                "PATCH",
                base + "/programmes/" + programme + "/items/" + item,
                """
                {"ref":"1","title":"Leadership","description":"d","successCriteria":"s","owner":"Director"}
                """),
            new Write(
                "PUT",
                base + "/programmes/" + programme + "/items/" + item + "/placement",
                """
                {"parentId":null,"position":0}
                """),
            new Write("POST", base + "/actions", newAction),
            new Write(
                "PATCH",
                base + "/actions/" + action,
                """
                {"title":"Action 1.1","leads":[{"name":"Lee Lead","email":"lee@example.org","role":"Head"}],
                 "startDate":"2029-10-01","description":"d","successCriteria":"s","evidenceLinks":["https://x.example/a"]}
                """),
            new Write(
                "PUT",
                base + "/actions/" + action + "/placement",
                """
                {"parentId":"%s","position":0}
                """
                    .formatted(item)),
            new Write(
                "POST",
                base + "/actions/" + action + "/progress-reports",
                """
                {"period":"2012-03","ragStatus":"AMBER","note":"Behind","completedOn":null}
                """),
            new Write(
                "POST",
                base + "/actions/" + action + "/due-date-revisions",
                """
                {"dueDate":"2030-06-30","reason":"New audit tool delayed"}
                """),
            new Write("POST", base + "/drivers", driverJson()),
            new Write("PUT", base + "/drivers/" + driver, driverJson()),
            new Write("POST", base + "/risks", riskJson()),
            new Write("PUT", base + "/risks/" + risk, riskJson()));
    // records of their own for the addresses, which may withdraw, delete or move them
    String aProgramme = plans.programmeId("Priority", "Action");
    String anItem = plans.itemId(aProgramme, null, "1", "Leadership");
    String anAction = plans.actionId(aProgramme, anItem, "1.1", LocalDate.of(2030, 3, 31), "AMBER");
    String aDriver =
        plans
            .post(base + "/drivers", driverJson().replace("OR 13", "OR 14"))
            .json()
            .get("id")
            .asText();
    String aRisk =
        plans.post(base + "/risks", riskJson().replace("R 4", "R 5")).json().get("id").asText();
    wordPlans = new WordPlanCases(plans);
    addresses =
        AlmostValidAddresses.of(service.context())
            .with("/councils/{council}/programmes/documents", "id", wordPlans.choicesId())
            .with("council", COUNCIL)
            .with("programme", aProgramme)
            .with("/councils/{council}/programmes", "id", aProgramme)
            .with("/councils/{council}/programmes/{programme}/items", "id", anItem)
            .with("/councils/{council}/actions", "id", anAction)
            .with("/councils/{council}/drivers", "id", aDriver)
            .with("/councils/{council}/drivers", "actionId", anAction)
            .with("/councils/{council}/drivers", "targetId", aRisk)
            .with("/councils/{council}/risks", "id", aRisk)
            .with("/councils/{council}/risks", "targetId", aDriver)
            .withBody("PUT /councils/{council}/drivers/{id}", driverJson())
            .withBody("PUT /councils/{council}/risks/{id}", riskJson())
            .withBody(
                "POST /councils/{council}/actions/{id}/due-date-revisions",
                "{\"dueDate\":\"2030-06-30\",\"reason\":\"Late\"}");
  }

  private static String driverJson() {
    return """
        {"kind":"OFSTED_RECOMMENDATION","ref":"OR 13","text":"Ensure referrals are assessed promptly",
         "timeframe":"WITHIN_3_MONTHS","programmeId":null,"description":"From the report"}
        """;
  }

  private static String riskJson() {
    return """
        {"kind":"RISK","ref":"R 4","description":"Social worker turnover","likelihood":4,"impact":5,
         "owner":"Director","mitigations":"Recruitment drive","status":"OPEN","reviewDate":"2030-01-31"}
        """;
  }

  @AfterContainer
  static void stop() {
    service.close();
  }

  @Property
  @FuzzBudget(ci = 280)
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
  @FuzzBudget(ci = 40)
  void aPlanFileIsImportedWholeOrNotAtAll(@ForAll("planFiles") BadFile file) {
    importedWholeOrNotAtAll(
        file, () -> file.postTo(api(), "/councils/" + COUNCIL + "/programmes/import", TOKEN));
  }

  @Property
  @FuzzBudget(ci = 30)
  void aPlanFileUploadedAsAFormIsImportedWholeOrNotAtAll(@ForAll("planForms") BadBody form) {
    importedWholeOrNotAtAll(
        form,
        () -> form.sendTo(api(), "POST", "/councils/" + COUNCIL + "/programmes/import", TOKEN));
  }

  @Provide
  Arbitrary<BadBody> planForms() {
    return AlmostValidForms.multipart(
        Map.of(),
        "file",
        "plan.csv",
        new BadFile("as it is", BadFile.CSV, PlanFiles.peterborough().getBytes(UTF_8)),
        planFiles());
  }

  private static void importedWholeOrNotAtAll(Object file, Supplier<ApiResponse> send) {
    String before = plansOfTheCouncil();
    long start = System.nanoTime();
    ApiResponse answer = send.get();
    FuzzTally tally = FuzzTally.current();
    tally.took(file, start);
    Verdict verdict = tally.count(Verdict.ofImport(answer));
    assertThat(verdict.fine()).as(file + "\n→ " + verdict).isTrue();
    if (answer.status() >= 400) {
      String after = plansOfTheCouncil();
      if (!after.equals(before)) {
        tally.countHalfApplied();
      }
      assertThat(after).as("refused yet changed: " + file).isEqualTo(before);
    }
  }

  @Property
  @FuzzBudget(ci = 150)
  void everyAddressAnswersASuccessOrAProblem(@ForAll("addresses") BadAddress sent) {
    long start = System.nanoTime();
    ApiResponse answer = sent.sendTo(service.url(), TOKEN);
    FuzzTally tally = FuzzTally.current();
    tally.took(sent, start);
    Verdict verdict = tally.count(Verdict.ofAddress(answer));
    assertThat(verdict.fine()).as(sent + "\n→ " + verdict).isTrue();
  }

  @Property
  @FuzzBudget(ci = 15)
  void aWordPlanIsProposedOrRefusedNamingTheFile(
      @ForAll("wordPlanFiles") WordPlanCases.Upload sent) {
    long start = System.nanoTime();
    ApiResponse answer = wordPlans.send(sent);
    FuzzTally tally = FuzzTally.current();
    tally.took(sent, start);
    Verdict verdict = tally.count(Verdict.ofImport(answer));
    assertThat(verdict.fine()).as(sent + "\n→ " + verdict).isTrue();
  }

  @Property
  @FuzzBudget(ci = 30)
  void wordPlanChoicesAnswerASuccessOrAProblemAndConfirmWholeOrNotAtAll(
      @ForAll("wordPlanChoices") WordPlanCases.Choice sent) {
    String before = plansOfTheCouncil();
    long start = System.nanoTime();
    ApiResponse answer = wordPlans.send(sent);
    FuzzTally tally = FuzzTally.current();
    tally.took(sent, start);
    Verdict verdict = tally.count(Verdict.of(answer, sent.body()));
    assertThat(verdict.fine()).as(sent + "\n→ " + verdict).isTrue();
    if (answer.status() >= 400) {
      String after = plansOfTheCouncil();
      if (!after.equals(before)) {
        tally.countHalfApplied();
      }
      assertThat(after).as("refused yet changed: " + sent).isEqualTo(before);
    }
  }

  @Provide
  Arbitrary<WordPlanCases.Upload> wordPlanFiles() {
    return wordPlans.uploads();
  }

  @Provide
  Arbitrary<WordPlanCases.Choice> wordPlanChoices() {
    return wordPlans.choices();
  }

  @Provide
  Arbitrary<BadAddress> addresses() {
    return addresses.addresses();
  }

  @Provide
  Arbitrary<Case> writes() {
    return Arbitraries.of(writes)
        .flatMap(write -> AlmostValidBodies.from(write.validJson()).map(b -> new Case(write, b)));
  }

  @Provide
  Arbitrary<BadFile> planFiles() {
    return AlmostValidFiles.from(PlanFiles.peterborough());
  }

  /** What the council's plans hold, as the API shows them. */
  private static String plansOfTheCouncil() {
    String base = "/councils/" + COUNCIL;
    return String.join(
        "\n",
        api().get(base + "/programmes?size=1000", TOKEN).body(),
        api().get(base + "/actions?size=1000", TOKEN).body(),
        api().get(base + "/drivers", TOKEN).body(),
        api().get(base + "/risks", TOKEN).body());
  }

  private static HubApi api() {
    return service.api();
  }
}
