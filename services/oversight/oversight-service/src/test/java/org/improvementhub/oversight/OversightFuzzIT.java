package org.improvementhub.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.fuzz.AlmostValidAddresses;
import org.improvementhub.testsupport.fuzz.BadAddress;
import org.improvementhub.testsupport.fuzz.FuzzBudget;
import org.improvementhub.testsupport.fuzz.FuzzTally;
import org.improvementhub.testsupport.fuzz.ServiceUnderFuzz;
import org.improvementhub.testsupport.fuzz.Verdict;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.tokens.TestTokens;

/**
 * Generated bad addresses against the oversight API (jqwik): every route, read from the router,
 * with one path variable or query parameter wrong (a council that is not one, a period that is no
 * month, {@code ..}, {@code %00}, malformed escapes, SQL-ish text…). Every answer is a success or a
 * 4xx problem+json naming what is wrong, never a 5xx. Oversight takes no JSON bodies of its own.
 */
class OversightFuzzIT {

  private static final HubTestProperties PROPERTIES = HubTestProperties.freshDatabase();
  private static final String WALSALL = TestCouncils.uniqueSlug("walsall");
  private static final String OBSERVER = TestTokens.shared().observer("*");

  private static ServiceUnderFuzz service;
  private static AlmostValidAddresses addresses;

  @BeforeContainer
  static void start() {
    service = ServiceUnderFuzz.start(PROPERTIES.build());
    TenancyEvents.provisioned(WALSALL, "Walsall", 335);
    service
        .api()
        .awaitGet(
            "/oversight/councils/" + WALSALL,
            OBSERVER,
            r -> r.status() == 200,
            Duration.ofSeconds(30));
    addresses =
        AlmostValidAddresses.of(service.context())
            .with("council", WALSALL)
            .with("period", "2026-10");
  }

  @AfterContainer
  static void stop() {
    // null when the start failed: its own error is the one to see
    if (service != null) {
      service.close();
    }
  }

  @Property
  @FuzzBudget(ci = 100)
  void everyAddressAnswersASuccessOrAProblem(@ForAll("addresses") BadAddress sent) {
    long start = System.nanoTime();
    // the platform admin may call every route, so each gets past security to its arguments
    ApiResponse answer = sent.sendTo(service.url(), TestTokens.shared().platformAdmin());
    FuzzTally tally = FuzzTally.current();
    tally.took(sent, start);
    Verdict verdict = tally.count(Verdict.ofAddress(answer));
    assertThat(verdict.fine()).as(sent + "\n→ " + verdict).isTrue();
  }

  @Provide
  Arbitrary<BadAddress> addresses() {
    return addresses.addresses();
  }
}
