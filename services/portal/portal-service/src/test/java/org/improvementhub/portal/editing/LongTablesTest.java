package org.improvementhub.portal.editing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Plans beyond one API page (1,000 actions) and audit trails beyond one page (50 entries). */
@MicronautTest
class LongTablesTest extends AgainstStandInServices {

  private static final String ACTION = "11111111-1111-1111-1111-111111111111";
  private static final Pattern ACTION_LINK =
      Pattern.compile("href=\"/councils/walsall/actions/[0-9a-f-]{36}\"");

  @Override
  void standIn(FakeServices fake) {
    fake.on("GET", "/councils/walsall", 200, "{\"name\":\"Walsall Council\"}")
        .on("GET", "/councils/walsall/programmes", 200, "[]")
        .on("GET", "/councils/walsall/drivers", 200, "[]")
        .on("GET", "/councils/walsall/actions?size=1000&page=0", 200, actions(0, 1000))
        .on("GET", "/councils/walsall/actions?size=1000&page=1", 200, actions(1000, 3))
        .on(
            "GET",
            "/councils/walsall/actions/" + ACTION,
            200,
            "{\"id\":\"%s\",\"ref\":\"1\",\"title\":\"Audited\",\"dueDate\":\"2027-01-01\",\"leads\":[]}"
                .formatted(ACTION))
        .on("GET", "/councils/walsall/actions/" + ACTION + "/progress-reports", 200, "[]")
        .on("GET", "/councils/walsall/measure-links?action=" + ACTION, 200, "[]")
        .on(
            "GET",
            "/councils/walsall/audit?recordId=" + ACTION + "&size=50&page=1",
            200,
            "{\"items\":[{\"occurredAt\":\"2026-11-01T09:00:00Z\",\"actor\":\"pm@walsall.test\","
                + "\"change\":\"Entry 51\"}],\"page\":1,\"size\":50,\"total\":120}");
  }

  @Test
  void aPlanOfMoreThanOneApiPageShowsEveryAction() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");

    HttpResponse<String> plan = manager.get("/councils/walsall/plan");

    assertThat(plan.statusCode()).isEqualTo(200);
    assertThat(ACTION_LINK.matcher(plan.body()).results().count()).isEqualTo(1003);
    assertThat(plan.body()).contains("Action 1002");
  }

  @Test
  void theAuditTrailIsPaged() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");

    HttpResponse<String> page = manager.get("/councils/walsall/actions/" + ACTION + "?audit=2");

    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body())
        .contains("Entry 51", "page 2 of 3", "Newer changes", "Older changes")
        .contains("audit=1\"", "audit=3\"");
  }

  private static String actions(int from, int count) {
    return IntStream.range(from, from + count)
        .mapToObj(
            i ->
                ("{\"id\":\"%s\",\"ref\":\"%d\",\"title\":\"Action %d\",\"dueDate\":\"2027-01-01\","
                        + "\"leads\":[],\"ragStatus\":\"GREEN\"}")
                    .formatted(UUID.randomUUID(), i, i))
        .collect(Collectors.joining(",", "[", "]"));
  }
}
