package org.improvementhub.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.improvementhub.tenancy.TenancyTestSupport.newCouncil;
import static org.improvementhub.tenancy.TenancyTestSupport.newObserver;
import static org.improvementhub.tenancy.TenancyTestSupport.newUser;

import java.net.http.HttpRequest;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.fuzz.AlmostValidAddresses;
import org.improvementhub.testsupport.fuzz.AlmostValidBodies;
import org.improvementhub.testsupport.fuzz.AlmostValidForms;
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
 * 4xx problem+json naming the field at fault, never a 5xx. Sign-in ({@code /auth/login}, {@code
 * /auth/password}, the SSO start and callback) is given almost-valid JSON and form bodies from
 * addresses of its own behind a trusted proxy: the same verdict, and the throttle still counts (no
 * address gets more wrong-password answers than its limit) while a real person signing in from
 * another address is never locked out by the fuzzing.
 */
class TenancyFuzzIT {

  private static final String PASSWORD = "a-long-enough-password";

  /** The address limit of failed sign-ins ({@code hub.sign-in.address.max-failures}). */
  private static final int ADDRESS_LIMIT = 20;

  private static ServiceUnderFuzz service;
  private static List<Write> signIns;
  private static String realPerson;
  private static String changer;
  private static int signInCases;
  private static final java.util.Map<String, Integer> WRONG_PASSWORD_ANSWERS =
      new java.util.HashMap<>();
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
    service =
        ServiceUnderFuzz.start(
            TenancyTestSupport.properties()
                // the fuzz signs in from addresses of its own, named as a proxy names them
                .with("hub.sign-in.trusted-proxies", "127.0.0.1,::1")
                .with("hub.sign-in.address.max-failures", String.valueOf(ADDRESS_LIMIT))
                .build());
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
    String fuzzed = "fuzzed@" + walsall + ".example";
    realPerson = "real@" + walsall + ".example";
    for (String email : List.of(fuzzed, realPerson, "changer@" + walsall + ".example")) {
      created(
          service
              .api()
              .post(
                  "/councils/" + walsall + "/users",
                  platformAdmin,
                  newUser(email, PASSWORD, "ACTION_LEAD")));
    }
    changer = TenancyTestSupport.token(service.api(), "changer@" + walsall + ".example", PASSWORD);
    signIns =
        List.of(
            new Write(
                "POST",
                "/auth/login",
                "{\"email\":\"" + fuzzed + "\",\"password\":\"" + PASSWORD + "\"}"),
            new Write(
                "POST",
                "/auth/password",
                "{\"currentPassword\":\""
                    + PASSWORD
                    + "\",\"newPassword\":\"another-long-enough-password\"}"),
            new Write(
                "POST",
                "/auth/sso/" + walsall + "/start",
                "{\"redirectUri\":\"http://localhost:8080/sign-in/sso-callback\"}"),
            new Write(
                "POST",
                "/auth/sso/callback",
                "{\"state\":\"c3RhdGU\",\"code\":\"Y29kZQ\","
                    + "\"postLogoutRedirectUri\":\"http://localhost:8080/\"}"));
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

  // 50 in CI: each sign-in hashes a password (about 0.3 s a case); the bench runs thousands
  @Property
  @FuzzBudget(ci = 50)
  void signInAnswersASuccessOrAProblemAndTheThrottleStillCounts(@ForAll("signIns") Case sent) {
    // a new address every 30 cases: some get locked, most cases reach the password check
    String address = "203.0.113." + (signInCases++ / 30 % 250 + 1);
    // a password is changed by the person signed in; the rest is for anyone
    String token = sent.write().path().equals("/auth/password") ? changer : null;
    long start = System.nanoTime();
    ApiResponse answer =
        service
            .api()
            .send(
                service
                    .api()
                    .request(sent.write().path(), token)
                    .method("POST", HttpRequest.BodyPublishers.ofByteArray(sent.body().bytes()))
                    .header("Content-Type", sent.body().contentType())
                    .header("X-Forwarded-For", address));
    FuzzTally tally = FuzzTally.current();
    tally.took(sent, start);
    Verdict verdict = tally.count(Verdict.of(answer, sent.body()));
    assertThat(verdict.fine()).as(sent + "\n→ " + verdict).isTrue();
    if (sent.write().path().equals("/auth/login") && answer.status() == 401) {
      int wrong = WRONG_PASSWORD_ANSWERS.merge(address, 1, Integer::sum);
      assertThat(wrong)
          .as("wrong-password answers to %s: the address limit is %d", address, ADDRESS_LIMIT)
          .isLessThanOrEqualTo(ADDRESS_LIMIT);
    }
    if (signInCases % 10 == 0) {
      ApiResponse real =
          service
              .api()
              .send(
                  service
                      .api()
                      .request("/auth/login", null)
                      .header("Content-Type", "application/json")
                      .header("X-Forwarded-For", "198.51.100.9")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"email\":\""
                                  + realPerson
                                  + "\",\"password\":\""
                                  + PASSWORD
                                  + "\"}")));
      assertThat(real.status())
          .as("the real person signing in from another address after " + sent + "\n" + real.body())
          .isEqualTo(200);
    }
  }

  @Provide
  Arbitrary<Case> signIns() {
    return Arbitraries.of(signIns)
        .flatMap(
            write ->
                Arbitraries.frequencyOf(
                        Tuple.of(4, AlmostValidBodies.from(write.validJson())),
                        Tuple.of(1, AlmostValidForms.urlEncoded(fields(write.validJson()))))
                    .map(body -> new Case(write, body)));
  }

  /** The JSON object's fields as form fields. */
  private static java.util.Map<String, String> fields(String json) {
    try {
      java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
      new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(json)
          .properties()
          .forEach(field -> fields.put(field.getKey(), field.getValue().asText()));
      return fields;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(json, e);
    }
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
