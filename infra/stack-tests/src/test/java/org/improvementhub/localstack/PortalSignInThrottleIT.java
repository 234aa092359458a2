package org.improvementhub.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Failed sign-ins through the portal lock the browser's address, not the portal's: the portal and
 * tenancy run as the chart runs them (the portal believes its proxy's {@code X-Forwarded-For}, and
 * tenancy believes the portal's). Before, every portal sign-in counted against the portal's own
 * address, so 20 failures anywhere locked portal sign-in for everyone for 15 minutes.
 *
 * <p>The test stands in for the Ingress: it sends each browser's address in {@code X-Forwarded-For}
 * from this machine, which the local stack's portal trusts.
 */
class PortalSignInThrottleIT {

  private final RunningStack stack = RunningStack.shared();

  @Test
  void twentyFailuresFromOneBrowserDoNotLockAnotherBrowsersSignIn() {
    // documentation addresses (RFC 5737), new in each run: the stack is shared by the JVM
    int run = ThreadLocalRandom.current().nextInt(1, 250);
    String attacker = "203.0.113." + run;
    String colleague = "198.51.100." + run;
    for (int i = 0; i < 20; i++) {
      // a different email each time: only the address's count reaches its limit
      HttpResponse<String> wrong =
          signIn(attacker, "nobody-" + i + "-" + System.nanoTime() + "@ops.test", "Wrong-pass-1");
      assertThat(wrong.statusCode()).as("failure %d", i + 1).isEqualTo(422);
      assertThat(wrong.body()).contains("Enter a correct email address and password");
    }

    HttpResponse<String> locked = signIn(attacker, RunningStack.ADMIN, RunningStack.ADMIN_PASSWORD);
    assertThat(locked.statusCode()).isEqualTo(422);
    assertThat(locked.body())
        .as("the 20 failures locked the attacker's address, even for a right password")
        .contains("Too many failed sign-ins");

    HttpResponse<String> other = signIn(colleague, RunningStack.ADMIN, RunningStack.ADMIN_PASSWORD);
    assertThat(other.statusCode()).as("another browser signs in: %s", other.body()).isEqualTo(303);
    assertThat(other.headers().firstValue("Location")).isPresent();
  }

  /** The portal's sign-in form, as a browser at {@code browser} behind the Ingress sends it. */
  private HttpResponse<String> signIn(String browser, String email, String password) {
    String portal = stack.services().get(HubService.PORTAL.name()).baseUrl();
    return new PortalSignIn(portal).submit(email, password, browser).response();
  }
}
