package org.improvementhub.portal.editing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Plans beyond one API page (1,000 actions), shown a hundred to a page, and audit trails beyond one
 * page (50 entries).
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
  void aPlanOfMoreThanOneApiPageShowsEveryActionAHundredToAPage() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");

    HttpResponse<String> first = manager.get("/councils/walsall/plan");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body())
        .contains("1003 actions", "Showing 1 to 100", "aria-label=\"Page 11\"")
        .contains("href=\"/councils/walsall/plan?page=2\" rel=\"next\"")
        .doesNotContain("rel=\"prev\"");
    Set<String> seen = new HashSet<>();
    for (int page = 1; page <= 11; page++) {
      HttpResponse<String> shown = manager.get("/councils/walsall/plan?page=" + page);
      assertThat(shown.statusCode()).isEqualTo(200);
      List<String> links = ACTION_LINK.matcher(shown.body()).results().map(r -> r.group()).toList();
      assertThat(links).hasSize(page < 11 ? 100 : 3);
      seen.addAll(links);
    }
    // every action once, across the pages, in ref order: "1002" last, not after "100"
    assertThat(seen).hasSize(1003);
    assertThat(manager.get("/councils/walsall/plan?page=11").body())
        .contains("Showing 1001 to 1003", "Action 1002", "rel=\"prev\"")
        .doesNotContain("rel=\"next\"", ">Action 999<");
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
  void thePagesKeepTheFilters() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");

    HttpResponse<String> found = manager.get("/councils/walsall/plan?q=Action+1");

    // every word is looked for in the ref and the title: 274 of the refs 0 to 1002 hold a "1"
    assertThat(found.body())
        .contains("274 actions match the filters", "Showing 1 to 100")
        .contains("href=\"/councils/walsall/plan?q=Action+1&amp;page=2\"");
    assertThat(
            ACTION_LINK
                .matcher(manager.get("/councils/walsall/plan?q=Action+1&page=3").body())
                .results()
                .count())
        .isEqualTo(74);
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
