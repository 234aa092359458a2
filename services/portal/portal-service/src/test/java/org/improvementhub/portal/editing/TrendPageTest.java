package org.improvementhub.portal.editing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A council's trend for an observer: the chart and its table, and oversight's refusals. */
@MicronautTest
class TrendPageTest extends AgainstStandInServices {

  @Override
  void standIn(FakeServices fake) {
    fake.on("GET", "/councils/walsall", 200, "{\"name\":\"Walsall Council\"}")
        .on(
            "GET",
            "/oversight/councils/walsall/trend",
            200,
            "{\"council\":\"walsall\",\"periods\":["
                + "{\"period\":\"2026-10\",\"totalActions\":58,\"rag\":[{\"status\":\"RED\",\"count\":4},"
                + "{\"status\":\"GREEN\",\"count\":29}]},"
                + "{\"period\":\"2026-11\",\"totalActions\":58,\"rag\":[{\"status\":\"RED\",\"count\":5},"
                + "{\"status\":\"GREEN\",\"count\":28}]}]}");
  }

  @Test
  void anObserverSeesEachPeriodInTheChartAndTheTable() {
    Browsing observer = Browsing.signedIn(server.getURI(), "dfe-observer@dfe.test");

    HttpResponse<String> page = observer.get("/oversight/councils/walsall/trend");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Walsall Council", "October 2026", "November 2026", "role=\"img\"")
        .contains("data-period=\"2026-11\"", "data-status=\"RED\">5<", "data-status=\"GREEN\">28<");
  }

  @Test
  void outsideTheObserversScopeIsNotFound() {
    Browsing observer = Browsing.signedIn(server.getURI(), "dfe-observer@dfe.test");

    HttpResponse<String> page = observer.get("/oversight/councils/peterborough/trend");

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("Page not found").doesNotContain("Peterborough");
  }
}
