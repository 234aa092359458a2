package org.improvementhub.portal.editing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.improvementhub.testsupport.fuzz.BadAddress;
import org.improvementhub.testsupport.http.ApiResponse;
import org.junit.jupiter.api.Test;

/**
 * Requests the portal cannot read are a 400 page, not a 500 (both found by {@code PortalFuzzIT}):
 * an address with a malformed escape, which fails before any route, and a form body that cannot be
 * decoded. Sent over a plain socket ({@link BadAddress}): {@code java.net.http} refuses to send
 * them.
 */
@MicronautTest
class UnreadableRequestsTest extends AgainstStandInServices {

  @Test
  void anAddressWithAMalformedEscapeIsA400Page() {
    for (String target : new String[] {"/?=%zz", "/?a=%zz", "/sign-in?x=%"}) {
      ApiResponse answer =
          new BadAddress("GET /", "GET", target, "malformed escape", null, null, null, "text/html")
              .sendTo(server.getURI(), Map.of());
      assertThat(answer.status()).as(target + " " + answer.body()).isEqualTo(400);
      assertThat(answer.body()).as(target).doesNotContain("Exception");
    }
  }

  @Test
  void aFormBodyThatCannotBeDecodedIsA400Page() {
    Browsing browsing = Browsing.signedIn(server.getURI(), "council-admin@walsall.test");
    for (String form : new String[] {"%", "a=%%%%", "csrf=" + browsing.csrf() + "&a=%"}) {
      ApiResponse answer =
          new BadAddress(
                  "POST /account/password",
                  "POST",
                  "/account/password",
                  "undecodable form",
                  null,
                  "application/x-www-form-urlencoded",
                  form.getBytes(StandardCharsets.UTF_8),
                  "text/html")
              .sendTo(server.getURI(), Map.of("Cookie", browsing.cookie()));
      assertThat(answer.status()).as(form + " " + answer.body()).isEqualTo(400);
    }
  }
}
