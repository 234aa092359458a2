package org.improvementhub.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.improvementhub.tenancy.TenancyTestSupport.newCouncil;
import static org.improvementhub.tenancy.TenancyTestSupport.newObserver;
import static org.improvementhub.tenancy.TenancyTestSupport.newUser;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.fuzz.AlmostValidAddresses;
import org.improvementhub.testsupport.fuzz.AlmostValidBodies;
import org.improvementhub.testsupport.fuzz.BadAddress;
import org.improvementhub.testsupport.fuzz.BadBody;
import org.improvementhub.testsupport.fuzz.FuzzBudget;
import org.improvementhub.testsupport.fuzz.FuzzTally;
import org.improvementhub.testsupport.fuzz.ServiceUnderFuzz;
import org.improvementhub.testsupport.fuzz.Verdict;
import org.improvementhub.testsupport.http.ApiResponse;

/**
 * Generated bad input against the tenancy API (jqwik): councils, council users, platform users,
 * role changes and status changes, each given an almost-valid body. Every answer is a success or a
 * 4xx problem+json naming the field at fault, never a 5xx. Sign-in is left to its own tests (its
 * throttling answers bad passwords in its own way).
 */
class TenancyFuzzIT {

  private static final String PASSWORD = "a-long-enough-password";

  private static ServiceUnderFuzz service;
  private static String platformAdmin;
  private static List<Write> writes;
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
    service = ServiceUnderFuzz.start(TenancyTestSupport.properties().build());
    platformAdmin =
        TenancyTestSupport.token(
            service.api(), TenancyTestSupport.ADMIN_EMAIL, TenancyTestSupport.ADMIN_PASSWORD);
    String walsall = TestCouncils.uniqueSlug("walsall");
    created(service.api().post("/councils", platformAdmin, newCouncil(walsall, "Walsall", 335)));
    ApiResponse user =
        service
            .api()
            .post(
                "/councils/" + walsall + "/users",
                platformAdmin,
                newUser("lead@" + walsall + ".example", PASSWORD, "ACTION_LEAD"));
    created(user);
    String userId = user.json().get("id").asText();
    writes =
        List.of(
            new Write(
                "POST",
                "/councils",
                newCouncil(TestCouncils.uniqueSlug("peterborough"), "Peterborough", 874)),
            new Write(
                "POST",
                "/councils/" + walsall + "/users",
                newUser("manager@" + walsall + ".example", PASSWORD, "PROGRAMME_MANAGER")),
            new Write(
                "PUT",
                "/councils/" + walsall + "/users/" + userId,
                "{\"roles\":[\"ACTION_LEAD\",\"BOARD_MEMBER\"],\"disabled\":false}"),
            new Write("POST", "/users", newObserver("observer@dfe.test", PASSWORD, walsall)),
            new Write(
                "POST",
                "/councils/" + walsall + "/reinstate",
                "{\"reason\":\"The Board agreed the council may go on\"}"));
    // a council of its own for the addresses, which may suspend or archive it
    String rotherham = TestCouncils.uniqueSlug("rotherham");
    created(
        service.api().post("/councils", platformAdmin, newCouncil(rotherham, "Rotherham", 372)));
    ApiResponse someone =
        service
            .api()
            .post(
                "/councils/" + rotherham + "/users",
                platformAdmin,
                newUser("lead@" + rotherham + ".example", PASSWORD, "ACTION_LEAD"));
    created(someone);
    addresses =
        AlmostValidAddresses.of(service.context())
            .with("council", rotherham)
            .with("id", someone.json().get("id").asText());
  }

  private static void created(ApiResponse response) {
    assertThat(response.status()).as(response.body()).isEqualTo(201);
  }

  @AfterContainer
  static void stop() {
    service.close();
  }

  @Property
  @FuzzBudget(ci = 150)
  void everyWriteAnswersASuccessOrAProblemNamingTheField(@ForAll("writes") Case sent) {
    long start = System.nanoTime();
    ApiResponse answer =
        sent.body()
            .sendTo(service.api(), sent.write().method(), sent.write().path(), platformAdmin);
    FuzzTally tally = FuzzTally.current();
    tally.took(sent, start);
    Verdict verdict = tally.count(Verdict.of(answer, sent.body()));
    assertThat(verdict.fine()).as(sent + "\n→ " + verdict).isTrue();
  }

  @Property
  @FuzzBudget(ci = 100)
  void everyAddressAnswersASuccessOrAProblem(@ForAll("addresses") BadAddress sent) {
    long start = System.nanoTime();
    ApiResponse answer = sent.sendTo(service.url(), platformAdmin);
    FuzzTally tally = FuzzTally.current();
    tally.took(sent, start);
    Verdict verdict = tally.count(Verdict.ofAddress(answer));
    assertThat(verdict.fine()).as(sent + "\n→ " + verdict).isTrue();
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
}
