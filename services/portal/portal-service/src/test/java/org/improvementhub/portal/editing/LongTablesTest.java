package org.improvementhub.portal.editing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Long plans, shown a hundred actions to a page as the plans service pages and filters them, and
 * audit trails beyond one page (50 entries).
 */
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
        .on("GET", "/councils/walsall/actions?size=100&page=0", 200, actions(0, 100), total(1003))
        .on("GET", "/councils/walsall/actions?size=100&page=10", 200, actions(1000, 3), total(1003))
        .on("GET", "/councils/walsall/actions?size=100&page=98", 200, "[]", total(1003))
        // any other question (the filtered pages): a page of a smaller list
        .on("GET", "/councils/walsall/actions", 200, actions(100, 100), total(274))
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
  void aLongPlanIsShownAHundredActionsToAPage() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");

    HttpResponse<String> first = manager.get("/councils/walsall/plan");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(ACTION_LINK.matcher(first.body()).results().count()).isEqualTo(100);
    assertThat(first.body())
        .contains("1003 actions", "Showing 1 to 100", "aria-label=\"Page 11\"")
        .contains("href=\"/councils/walsall/plan?page=2\" rel=\"next\"")
        .doesNotContain("rel=\"prev\"");
    // GOV.UK's pagination: the current page marked for screen readers, no other
    assertThat(first.body())
        .contains("aria-label=\"Page 1\" aria-current=\"page\"", "aria-label=\"Page 2\">")
        .doesNotContain("aria-current=\"\"", "aria-current=\"false\"");
    HttpResponse<String> last = manager.get("/councils/walsall/plan?page=11");
    assertThat(ACTION_LINK.matcher(last.body()).results().count()).isEqualTo(3);
    assertThat(last.body())
        .contains("Showing 1001 to 1003", "Action 1002", "rel=\"prev\"")
        .doesNotContain("rel=\"next\"");
  }

  @Test
  void aPageBeyondTheLastIsTheLastAndAPageThatIsNoNumberTheFirst() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");

    assertThat(manager.get("/councils/walsall/plan?page=99").body())
        .contains("Showing 1001 to 1003");
    assertThat(manager.get("/councils/walsall/plan?page=2147483648").body())
        .contains("Showing 1 to 100");
    assertThat(manager.get("/councils/walsall/plan?page=first").body())
        .contains("Showing 1 to 100");
  }

  @Test
  void theFiltersAndTheSearchGoToThePlansServiceAndThePagesKeepThem() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");
    fake.forgetCalls();

    HttpResponse<String> found = manager.get("/councils/walsall/plan?q=Action+1&rag=RED&page=2");

    assertThat(found.body())
        .contains("274 actions match the filters", "Showing 101 to 200")
        .contains("href=\"/councils/walsall/plan?q=Action+1&amp;rag=RED&amp;page=3\"");
    List<String> asked =
        fake.calls("GET", "/councils/walsall/actions").stream().map(c -> c.path()).toList();
    assertThat(asked).hasSize(1);
    URI question = URI.create(asked.get(0));
    assertThat(question.getPath()).isEqualTo("/councils/walsall/actions");
    assertThat(question.getQuery())
        .contains("size=100", "page=1", "rag=RED")
        .containsAnyOf("q=Action 1", "q=Action+1");
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

  private static Map<String, String> total(int total) {
    return Map.of("X-Total-Count", String.valueOf(total));
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
