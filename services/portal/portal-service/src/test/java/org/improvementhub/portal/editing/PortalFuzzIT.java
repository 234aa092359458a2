package org.improvementhub.portal.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.improvementhub.testsupport.fuzz.AlmostValidAddresses;
import org.improvementhub.testsupport.fuzz.AlmostValidForms;
import org.improvementhub.testsupport.fuzz.BadAddress;
import org.improvementhub.testsupport.fuzz.FuzzBudget;
import org.improvementhub.testsupport.fuzz.FuzzTally;
import org.improvementhub.testsupport.fuzz.ServiceUnderFuzz;
import org.improvementhub.testsupport.fuzz.Verdict;
import org.improvementhub.testsupport.http.ApiResponse;

/**
 * Generated bad requests against every portal page and form (jqwik), read from the portal's router
 * (so tomorrow's page is fuzzed tomorrow): one path variable or query parameter given a hostile
 * value, the query garbled, or a form's body broken (fields huge, NUL, half a character, malformed
 * escapes, given twice or left out, the body not UTF-8 or of another type), each sent by one of
 * four people: nobody signed in, Walsall's council admin, Peterborough's council admin and a DfE
 * observer of Walsall, with their session's form token, so a form gets past the token check to its
 * own work. The portal answers people, so an HTML error page is right; but never a 5xx, never a
 * stack trace, never a page of Walsall's to Peterborough's admin (nor a call to a service about
 * Walsall on their behalf), and never a change sent for an observer.
 *
 * <p>The services behind the portal are {@link FakeServices}, as in {@link PortalIsolationIT}
 * (which they answer as the real ones do: another council 404, an observer's write 403); one portal
 * context, no database or broker, started once for the class.
 */
class PortalFuzzIT {

  /** Stands for the session's form token in a generated body until the case is sent. */
  private static final String TOKEN_MARK = "FUZZ-FORM-TOKEN";

  private static final String OUTSIDER = "council-admin@peterborough.test";
  private static final String OBSERVER = "dfe-observer@dfe.test";

  /** Who sends a case: their session, made once and again after they sign out or in. */
  enum Who {
    NOBODY(null),
    WALSALL_ADMIN("council-admin@walsall.test"),
    PETERBOROUGH_ADMIN(OUTSIDER),
    OBSERVER_OF_WALSALL(OBSERVER);

    final String email;

    Who(String email) {
      this.email = email;
    }
  }

  /** One case: who sends which request. */
  record Sent(Who who, BadAddress request) {
    @Override
    public String toString() {
      return who + ": " + request;
    }
  }

  private static FakeServices fake;
  private static ServiceUnderFuzz portal;
  private static AlmostValidAddresses addresses;
  private static final Map<Who, Browsing> SESSIONS = new EnumMap<>(Who.class);

  @BeforeContainer
  static void start() {
    fake = new FakeServices().guardCouncils();
    PortalIsolationIT.councilData(fake, "walsall", "Walsall Council", PortalIsolationIT.WALSALL_ID);
    PortalIsolationIT.councilData(
        fake, "peterborough", "Peterborough City Council", PortalIsolationIT.PETERBOROUGH_ID);
    Map<String, String> properties = new LinkedHashMap<>();
    for (String service : List.of("tenancy", "plans", "measures", "notifications", "oversight")) {
      properties.put("hub.portal.services." + service, fake.url());
    }
    portal = ServiceUnderFuzz.start(properties);
    addresses =
        AlmostValidAddresses.of(portal.context())
            .with("council", "walsall")
            .with("id", PortalIsolationIT.WALSALL_ID)
            .with("period", PortalIsolationIT.PERIOD)
            .withFormField("csrf", TOKEN_MARK);
    assertThat(addresses.routes()).as("the portal's routes").hasSizeGreaterThan(40);
  }

  @AfterContainer
  static void stop() {
    // null when the start failed: its own error is the one to see
    if (portal != null) {
      portal.close();
    }
    if (fake != null) {
      fake.close();
    }
  }

  @Property
  // 60 in CI: about 0.3 s a case (a page rendered, the stand-in called); the bench runs thousands
  @FuzzBudget(ci = 60)
  void everyPageAndFormAnswersAPageAndNoOtherCouncilsData(@ForAll("requests") Sent sent) {
    Browsing session = session(sent.who());
    BadAddress request = sent.request().withBodyMark(TOKEN_MARK, session.csrf());
    fake.forgetCalls();
    long start = System.nanoTime();
    ApiResponse answer =
        request.sendTo(
            portal.url(), session.cookie() == null ? Map.of() : Map.of("Cookie", session.cookie()));
    FuzzTally tally = FuzzTally.current();
    tally.took(sent, start);
    Verdict verdict = tally.count(Verdict.ofPage(answer));
    List<String> leaks = leaks(sent.who(), answer);
    if (!leaks.isEmpty()) {
      tally.countLeak();
    }
    if (request.route().matches("POST /(sign-in|sign-out|account/password).*")
        && answer.status() / 100 == 3) {
      // signed in, out or a new password: the next case of this person starts a fresh session
      SESSIONS.remove(sent.who());
    }
    assertThat(verdict.fine()).as(sent + "\n→ " + verdict).isTrue();
    assertThat(leaks).as(sent + "\n→ " + answer.status() + " " + answer.body()).isEmpty();
  }

  /** What the answer or the portal's calls gave away or changed that this person may not. */
  private static List<String> leaks(Who who, ApiResponse answer) {
    List<String> leaks = new ArrayList<>();
    if (who == Who.PETERBOROUGH_ADMIN) {
      if (answer.body().contains("Walsall")) {
        leaks.add("Walsall's name shown to Peterborough's admin");
      }
      fake.calls().stream()
          .filter(call -> call.caller().equals(OUTSIDER))
          .filter(call -> call.path().matches("^(/oversight)?/councils/walsall([/?].*)?$"))
          .forEach(call -> leaks.add("Peterborough's session reached Walsall: " + call));
    }
    if (who == Who.OBSERVER_OF_WALSALL) {
      fake.calls().stream()
          .filter(call -> call.caller().equals(OBSERVER) && call.writes())
          .forEach(call -> leaks.add("the observer's session sent a change: " + call));
    }
    return leaks;
  }

  private static Browsing session(Who who) {
    return SESSIONS.computeIfAbsent(
        who,
        w ->
            w.email == null
                ? Browsing.onTheSignInPage(portal.url())
                : Browsing.signedIn(portal.url(), w.email));
  }

  @Provide
  Arbitrary<Sent> requests() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrf", TOKEN_MARK);
    form.put("email", "council-admin@walsall.test");
    form.put("password", "a-long-enough-password");
    form.put("title", "Review the front door");
    form.put("dueDate", "2027-01-01");
    form.put("value", "21.5");
    Arbitrary<BadAddress> requests =
        Arbitraries.frequencyOf(
            Tuple.of(3, addresses.addresses()),
            Tuple.of(
                1,
                addresses.withBadBodies(
                    AlmostValidForms.URL_ENCODED, AlmostValidForms.urlEncoded(form))));
    return Arbitraries.of(Who.values())
        .flatMap(who -> requests.map(request -> new Sent(who, request)));
  }
}
