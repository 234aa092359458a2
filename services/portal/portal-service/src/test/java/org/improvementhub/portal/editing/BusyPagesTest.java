package org.improvementhub.portal.editing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.improvementhub.portal.page.BusyPage;
import org.improvementhub.web.admission.AdmissionControl;
import org.improvementhub.web.admission.BusyAnswer;
import org.improvementhub.web.admission.Refusal;
import org.junit.jupiter.api.Test;

/**
 * A service that turns the portal's call away as busy gives the person "the service is busy" with
 * status 503, not a 500 and not "there is a problem"; the portal bounds its own pages in progress
 * and turns away the rest with the same words.
 */
@MicronautTest
class BusyPagesTest extends AgainstStandInServices {

  private static final String BUSY =
      "{\"type\":\"https://improvementhub.org/problems/busy\",\"title\":\"Service busy\","
          + "\"status\":503,\"detail\":\"The service is busy; please retry after 2 seconds.\"}";

  @Inject ApplicationContext context;

  @Override
  void standIn(FakeServices fake) {
    fake.on("GET", "/councils/walsall", 200, "{\"name\":\"Walsall Council\"}");
  }

  @Test
  void aServiceThatIsBusyGivesTheBusyPage() {
    fake.on(
        "GET",
        "/oversight/councils/walsall/trend",
        503,
        BUSY,
        Map.of("Content-Type", "application/problem+json", "Retry-After", "2"));
    Browsing observer = Browsing.signedIn(server.getURI(), "dfe-observer@dfe.test");

    HttpResponse<String> page = observer.get("/oversight/councils/walsall/trend");

    assertThat(page.statusCode()).isEqualTo(503);
    assertThat(page.headers().firstValue("Retry-After")).isPresent();
    assertThat(page.body())
        .contains("Sorry, the service is busy", "Try again in a few seconds")
        .doesNotContain("Exception");
  }

  @Test
  void aServiceThatFailsOtherwiseStillGivesTheProblemPage() {
    fake.on(
        "GET",
        "/oversight/councils/walsall/trend",
        503,
        "{\"type\":\"https://improvementhub.org/problems/unavailable\",\"status\":503}");
    Browsing observer = Browsing.signedIn(server.getURI(), "dfe-observer@dfe.test");

    HttpResponse<String> page = observer.get("/oversight/councils/walsall/trend");

    assertThat(page.statusCode()).isEqualTo(503);
    assertThat(page.body())
        .contains("Sorry, there is a problem with the service")
        .doesNotContain("busy");
  }

  @Test
  void thePortalBoundsItsOwnPagesAndTurnsTheRestAwayWithAPage() {
    assertThat(context.containsBean(AdmissionControl.class)).isTrue();
    BusyAnswer answer = context.getBean(BusyAnswer.class);
    assertThat(answer).isInstanceOf(BusyPage.class);

    MutableHttpResponse<?> refused = answer.to(HttpRequest.GET("/plans"), Refusal.QUEUE_FULL);

    assertThat(refused.code()).isEqualTo(503);
    assertThat(refused.getHeaders().get("Retry-After")).isEqualTo("5");
    assertThat(refused.getContentType())
        .hasValueSatisfying(t -> assertThat(t.getName()).isEqualTo("text/html"));
    assertThat(refused.body().toString())
        .contains("<h1 class=\"govuk-heading-l\">Sorry, the service is busy</h1>");
  }
}
