package org.improvementhub.portal.editing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A large plan at a glance: the overview shows the first twenty of each list (Red before Amber, the
 * longest overdue and the soonest due first) and links to the plan page for the rest; the plan page
 * heads its actions with their items' places, read from the items of each programme.
 */
@MicronautTest
class OverviewAndHeadingsTest extends AgainstStandInServices {

  private static final String PROGRAMME = "22222222-2222-2222-2222-222222222222";
  private static final String PRIORITY = "33333333-3333-3333-3333-333333333333";
  private static final String OUTCOME = "44444444-4444-4444-4444-444444444444";
  private static final String MEASURE = "55555555-5555-5555-5555-555555555555";
  private static final String OTHER_MEASURE = "66666666-6666-6666-6666-666666666666";
  private static final Pattern EXCEPTION_REFS =
      Pattern.compile("<h2 class=\"govuk-heading-m\" id=\"exceptions\">(.*?)<h2", Pattern.DOTALL);

  @Override
  void standIn(FakeServices fake) {
    LocalDate today = LocalDate.now();
    // the plans service's summary of 150 actions: 30 Red, 60 Amber, 60 Green; the first twenty of
    // each list as it orders them (Red first; the longest overdue; the soonest due)
    String summary =
        ("{\"on\":\"%s\",\"total\":150,\"unreported\":0,\"statuses\":["
                + "{\"status\":\"BLUE\",\"count\":0},{\"status\":\"GREEN\",\"count\":60},"
                + "{\"status\":\"AMBER\",\"count\":60},{\"status\":\"RED\",\"count\":30},"
                + "{\"status\":\"GREY\",\"count\":0}],"
                + "\"exceptions\":{\"total\":90,\"first\":%s},"
                + "\"overdue\":{\"total\":90,\"first\":%s},"
                + "\"dueSoon\":{\"total\":60,\"first\":%s}}")
            .formatted(
                today,
                actions(IntStream.rangeClosed(1, 20), today),
                actions(IntStream.rangeClosed(71, 90).map(i -> 161 - i), today),
                actions(IntStream.rangeClosed(131, 150).map(i -> 281 - i), today));
    String actions = actions(IntStream.rangeClosed(1, 100), today);
    fake.on("GET", "/councils/peterborough", 200, "{\"name\":\"Peterborough City Council\"}")
        .on("GET", "/councils/peterborough/actions/summary", 200, summary)
        .on("GET", "/councils/peterborough/measures", 500, "{}");
    fake.on("GET", "/councils/walsall", 200, "{\"name\":\"Walsall Council\"}")
        .on("GET", "/councils/walsall/actions/summary", 200, summary)
        .on(
            "GET",
            "/councils/walsall/actions?size=100&page=0",
            200,
            actions,
            Map.of("X-Total-Count", "150"))
        // the list carries each measure's latest value: no measure is read again on its own
        .on(
            "GET",
            "/councils/walsall/measures",
            200,
            "[{\"id\":\"%s\",\"name\":\"Repeat child protection plans\",\"unit\":\"PERCENT\","
                    .formatted(MEASURE)
                + "\"polarity\":\"LOWER_IS_BETTER\",\"current\":{\"period\":\"2026-09\","
                + "\"value\":18.2,\"status\":\"RED\",\"target\":{\"value\":14.4}}},"
                + "{\"id\":\"%s\",\"name\":\"Assessments in 45 days\",\"unit\":\"PERCENT\","
                    .formatted(OTHER_MEASURE)
                + "\"polarity\":\"HIGHER_IS_BETTER\",\"current\":{\"period\":\"2026-09\","
                + "\"value\":96,\"status\":\"GREEN\",\"target\":{\"value\":95}}}]")
        .on("GET", "/councils/walsall/drivers", 200, "[]")
        .on(
            "GET",
            "/councils/walsall/programmes",
            200,
            "[{\"id\":\"%s\",\"name\":\"Improvement plan\"}]".formatted(PROGRAMME))
        .on(
            "GET",
            "/councils/walsall/programmes/" + PROGRAMME + "/items?size=1000&page=0",
            200,
            ("[{\"id\":\"%s\",\"parentId\":\"%s\",\"level\":\"Outcome\",\"ref\":\"1.1\","
                    + "\"title\":\"Timely assessments\"},"
                    + "{\"id\":\"%s\",\"parentId\":null,\"level\":\"Priority\",\"ref\":\"1\","
                    + "\"title\":\"Safeguarding\"}]")
                .formatted(OUTCOME, PRIORITY, PRIORITY));
  }

  @Test
  void theOverviewShowsTheFirstTwentyOfEachListAndLinksToTheRest() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");

    HttpResponse<String> overview = manager.get("/councils/walsall");

    assertThat(overview.statusCode()).isEqualTo(200);
    String page = overview.body();
    assertThat(page)
        .contains("150</span> actions in the plan", "40.00%", "20.00%")
        .contains("Showing the first <span>20</span> of <span>90</span> Red and Amber actions")
        .contains(
            "href=\"/councils/walsall/plan?rag=RED\"", "href=\"/councils/walsall/plan?rag=AMBER\"")
        .contains("Showing the <span>20</span> longest overdue of <span>90</span>")
        .contains("href=\"/councils/walsall/plan?overdue=yes\"")
        .contains("Showing the <span>20</span> due soonest of <span>60</span>");
    String measures = page.substring(page.indexOf("id=\"measures-off-target\""));
    assertThat(measures)
        .contains("Repeat child protection plans", "Off target")
        .doesNotContain("Assessments in 45 days");
    Matcher exceptions = EXCEPTION_REFS.matcher(page);
    assertThat(exceptions.find()).isTrue();
    // Red first: the twenty shown are all Red
    assertThat(exceptions.group(1))
        .contains(">Action 1<", ">Action 20<")
        .doesNotContain(">Action 21<", ">Action 31<");
    String overdue =
        page.substring(page.indexOf("id=\"overdue\""), page.indexOf("id=\"due-soon\""));
    // the longest overdue (due 90 days ago) first, Action 71 the twentieth
    assertThat(overdue.indexOf(">Action 90<"))
        .isPositive()
        .isLessThan(overdue.indexOf(">Action 89<"));
    assertThat(overdue).contains(">Action 71<").doesNotContain(">Action 70<");
    String dueSoon = page.substring(page.indexOf("id=\"due-soon\""));
    assertThat(dueSoon).contains(">Action 150<").doesNotContain(">Action 91<");
  }

  @Test
  void theOverviewStillShowsWhenMeasuresCannotAnswer() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@peterborough.test");

    HttpResponse<String> overview = manager.get("/councils/peterborough");

    assertThat(overview.statusCode()).isEqualTo(200);
    assertThat(overview.body())
        .contains("150</span> actions in the plan", "Measures cannot be shown just now");
  }

  @Test
  void thePlanHeadsItsActionsWithTheirPlacesFromTheItems() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");

    HttpResponse<String> plan = manager.get("/councils/walsall/plan");

    assertThat(plan.statusCode()).isEqualTo(200);
    assertThat(plan.body())
        .contains("Priority 1 Safeguarding › Outcome 1.1 Timely assessments")
        .contains("150 actions", "Showing 1 to 100", "href=\"/councils/walsall/plan?page=2\"");
  }

  /** Actions 1-30 Red, 31-90 Amber (due {@code i} days ago), 91-150 Green and due soon. */
  private static String actions(IntStream numbers, LocalDate today) {
    return numbers
        .mapToObj(
            i -> {
              String rag = i <= 30 ? "RED" : i <= 90 ? "AMBER" : "GREEN";
              LocalDate due = i <= 90 ? today.minusDays(i) : today.plusDays(1 + (150 - i) / 3);
              return ("{\"id\":\"00000000-0000-0000-0000-%012d\",\"ref\":\"1.1.%d\","
                      + "\"title\":\"Action %d\",\"dueDate\":\"%s\",\"leads\":[],"
                      + "\"ragStatus\":\"%s\",\"parentId\":\"%s\"}")
                  .formatted(i, i, i, due, rag, OUTCOME);
            })
        .collect(Collectors.joining(",", "[", "]"));
  }
}
