package org.improvementhub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
import org.improvementhub.testsupport.fuzz.BadAddress;
import org.improvementhub.testsupport.fuzz.BadBody;
import org.improvementhub.testsupport.fuzz.FuzzBudget;
import org.improvementhub.testsupport.fuzz.FuzzTally;
import org.improvementhub.testsupport.fuzz.ServiceUnderFuzz;
import org.improvementhub.testsupport.fuzz.Verdict;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.tokens.TestTokens;

/**
 * Generated bad input against the notifications API (jqwik): the council's settings, a person's and
 * one's own delivery preference, and a year's bank holidays, each given an almost-valid body; and
 * every route's address with one path variable or query parameter wrong. Every answer is a success
 * or a 4xx problem+json naming the field at fault, never a 5xx. CI runs a small seeded set; {@code
 * infra/bench/run-fuzz.sh} runs thousands.
 */
class NotificationsFuzzIT {

  private static final CouncilTestBed BED = CouncilTestBed.freshDatabase();
  private static final String COUNCIL = BED.council("rotherham", "Rotherham", 372);
  private static final String ADMIN = BED.token(COUNCIL, "COUNCIL_ADMIN");
  private static final String BASE = "/councils/" + COUNCIL;

  private static ServiceUnderFuzz service;
  private static List<Write> writes;
  private static AlmostValidAddresses addresses;

  /** A route that takes a JSON body, a body it accepts, and who may send it. */
  record Write(String method, String path, String validJson, String token) {}

  /** A write and the almost-valid body sent to it. */
  record Case(Write write, BadBody body) {
    @Override
    public String toString() {
      return write.method() + " " + write.path() + " " + body;
    }
  }

  @BeforeContainer
  static void start() {
    service = ServiceUnderFuzz.start(BED, "/notification-settings");
    String platformAdmin = TestTokens.shared().platformAdmin();
    writes =
        List.of(
            new Write(
                "PUT",
                BASE + "/notification-settings",
                """
                {"remindersEnabled":true,"overdueEnabled":true,"repeatsEnabled":true,
                 "escalationsEnabled":false,"reminderDaysBefore":10,"repeatEveryDays":7,
                 "escalateAfterDays":21,"senderName":"Rotherham Children's Services",
                 "replyTo":"improvement@rotherham.example"}
                """,
                ADMIN),
            new Write(
                "PUT",
                BASE + "/notification-preferences/lee.lead@rotherham.example",
                """
                {"mode":"DIGEST"}
                """,
                ADMIN),
            new Write(
                "PUT",
                BASE + "/notification-preferences/me",
                """
                {"mode":"IMMEDIATE"}
                """,
                ADMIN),
            new Write(
                "PUT",
                "/bank-holidays/2031",
                """
                [{"date":"2031-01-01","name":"New Year's Day"},{"date":"2031-12-25","name":"Christmas Day"}]
                """,
                platformAdmin));
    addresses =
        AlmostValidAddresses.of(service.context())
            .with("council", COUNCIL)
            .with("email", "lee.lead@rotherham.example")
            .with("year", "2031")
            .withBody(
                "PUT /councils/{council}/notification-preferences/{email}", "{\"mode\":\"DIGEST\"}")
            .withBody(
                "PUT /councils/{council}/notification-preferences/me", "{\"mode\":\"DIGEST\"}")
            .withBody("PUT /councils/{council}/notification-settings", writes.get(0).validJson());
  }

  @AfterContainer
  static void stop() {
    // null when the start failed: its own error is the one to see
    if (service != null) {
      service.close();
    }
  }

  @Property
  @FuzzBudget(ci = 120)
  void everyWriteAnswersASuccessOrAProblemNamingTheField(@ForAll("writes") Case sent) {
    long start = System.nanoTime();
    ApiResponse answer =
        sent.body()
            .sendTo(
                service.api(), sent.write().method(), sent.write().path(), sent.write().token());
    FuzzTally tally = FuzzTally.current();
    tally.took(sent, start);
    Verdict verdict = tally.count(Verdict.of(answer, sent.body()));
    assertThat(verdict.fine()).as(sent + "\n→ " + verdict).isTrue();
  }

  @Property
  @FuzzBudget(ci = 100)
  void everyAddressAnswersASuccessOrAProblem(@ForAll("addresses") BadAddress sent) {
    long start = System.nanoTime();
    String token =
        sent.route().contains("/bank-holidays") ? TestTokens.shared().platformAdmin() : ADMIN;
    ApiResponse answer = sent.sendTo(service.url(), token);
    FuzzTally tally = FuzzTally.current();
    tally.took(sent, start);
    Verdict verdict = tally.count(Verdict.ofAddress(answer));
    assertThat(verdict.fine()).as(sent + "\n→ " + verdict).isTrue();
  }

  @Provide
  Arbitrary<Case> writes() {
    return Arbitraries.of(writes)
        .flatMap(write -> AlmostValidBodies.from(write.validJson()).map(b -> new Case(write, b)));
  }

  @Provide
  Arbitrary<BadAddress> addresses() {
    return addresses.addresses();
  }
}
