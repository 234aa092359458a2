package org.improvementhub.democouncils;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo plans read as the plan template says and hold what their documents hold. The plans
 * service's import is the final judge ({@code DemoPlansIT}); this check runs with no service, so a
 * slip in a hand-built file shows at once with its line number.
 */
class DemoPlanFilesTest {

  private static final Set<String> RECORDS =
      Set.of("PROGRAMME", "ITEM", "DRIVER", "ACTION", "PROGRESS");
  private static final Set<String> RAGS = Set.of("BLUE", "GREEN", "AMBER", "RED", "GREY");
  private static final Set<String> DRIVER_KINDS =
      Set.of("OFSTED_RECOMMENDATION", "IMPROVEMENT_NOTICE", "PEER_REVIEW", "OTHER");
  private static final Set<String> TIMEFRAMES =
      Set.of("", "IMMEDIATELY", "WITHIN_3_MONTHS", "WITHIN_6_MONTHS", "OTHER");
  private static final Pattern ACTION_REF = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9.\\-]{0,19}$");
  private static final Pattern PERSON =
      Pattern.compile("^[^<>;]+ <[^@<>\\s]+@[^@<>\\s]+\\.[a-z]+>( \\([^()]+\\))?$");

  @ParameterizedTest
  @ValueSource(strings = {"nottinghamshire", "peterborough", "walsall", "west-sussex"})
  void everyRowReadsAsTheTemplateSays(String slug) throws IOException {
    PlanFile plan = PlanFile.read(slug);
    assertThat(plan.header()).containsExactlyInAnyOrderElementsOf(PlanFile.TEMPLATE_COLUMNS);
    List<String> problems = new ArrayList<>();
    for (String setting :
        List.of("name", "trigger_kind", "programme_manager", "level_names", "start_date")) {
      if (plan.setting(setting).filter(v -> !v.isBlank()).isEmpty()) {
        problems.add("missing setting " + setting);
      }
    }
    int levels = plan.levelNames().size();
    assertThat(levels).isBetween(1, 4);
    Map<String, PlanFile.Row> items = byRef(plan.of("ITEM"));
    Map<String, PlanFile.Row> actions = byRef(plan.of("ACTION"));
    Set<String> drivers = byRef(plan.of("DRIVER")).keySet();
    if (items.size() != plan.of("ITEM").size() || actions.size() != plan.of("ACTION").size()) {
      problems.add("duplicate ITEM or ACTION refs");
    }
    for (PlanFile.Row row : plan.rows()) {
      String at = "line " + row.line() + ": ";
      if (!RECORDS.contains(row.record())) {
        problems.add(at + "unknown record " + row.get("record"));
      }
      switch (row.record()) {
        case "ITEM" -> {
          if (depth(row, items) >= levels) {
            problems.add(at + "item too deep for " + levels + " levels");
          }
          requireTitle(row, at, 500, problems);
        }
        case "DRIVER" -> {
          if (!DRIVER_KINDS.contains(row.get("driver_kind"))) {
            problems.add(at + "driver_kind " + row.get("driver_kind"));
          }
          if (!TIMEFRAMES.contains(row.get("timeframe"))) {
            problems.add(at + "timeframe " + row.get("timeframe"));
          }
          requireTitle(row, at, 5000, problems);
        }
        case "ACTION" -> checkAction(row, at, items, drivers, levels, problems);
        case "PROGRESS" -> {
          if (!actions.containsKey(row.get("ref"))) {
            problems.add(at + "progress for unknown action " + row.get("ref"));
          }
          if (!RAGS.contains(row.get("rag").toUpperCase(Locale.ROOT))) {
            problems.add(at + "rag " + row.get("rag"));
          }
          try {
            YearMonth.parse(row.get("period"));
          } catch (DateTimeParseException e) {
            problems.add(at + "period " + row.get("period"));
          }
          date(row, "reported_on", at, problems);
        }
        default -> {}
      }
    }
    assertThat(problems).as(slug).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"nottinghamshire", "peterborough", "walsall", "west-sussex"})
  void theDemoLeadHasAnOverdueActionInEveryFile(String slug) throws IOException {
    PlanFile plan = PlanFile.read(slug);
    assertThat(plan.of("ACTION"))
        .filteredOn(a -> a.get("leads").contains("<lead@" + slug + ".demo>"))
        .hasSize(1)
        .allSatisfy(a -> assertThat(LocalDate.parse(a.get("due_date"))).isBefore(LocalDate.now()));
  }

  @Test
  void nottinghamshireHasEighteenProjectsInThreeCategoriesEachWithALead() throws IOException {
    PlanFile plan = PlanFile.read("nottinghamshire");
    assertThat(plan.levelNames()).containsExactly("Category", "Project");
    assertThat(plan.of("ITEM"))
        .extracting(r -> r.get("title"))
        .containsExactly("High level priorities", "Service Development", "Service Review");
    assertThat(countBy(plan.of("ACTION"), r -> r.get("parent_ref")))
        .containsExactlyInAnyOrderEntriesOf(Map.of("HLP", 4L, "SD", 6L, "SR", 8L));
    assertThat(plan.of("ACTION")).allSatisfy(a -> assertThat(a.get("leads")).isNotBlank());
  }

  @Test
  void peterboroughHasSixPillarsTheirOutcomesActionsAndEveryRecommendationAndNoticeItem()
      throws IOException {
    PlanFile plan = PlanFile.read("peterborough");
    assertThat(plan.levelNames()).containsExactly("Pillar", "Outcome", "Action");
    assertThat(plan.of("ITEM")).filteredOn(r -> r.get("parent_ref").isEmpty()).hasSize(6);
    assertThat(plan.of("ITEM")).filteredOn(r -> !r.get("parent_ref").isEmpty()).hasSize(26);
    assertThat(plan.of("ACTION")).hasSize(77);
    List<PlanFile.Row> drivers = plan.of("DRIVER");
    assertThat(countBy(drivers, r -> r.get("driver_kind")))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("OFSTED_RECOMMENDATION", 18L, "IMPROVEMENT_NOTICE", 19L));
    assertThat(
            countBy(
                drivers.stream().filter(r -> r.get("ref").startsWith("OR ")).toList(),
                r -> r.get("timeframe")))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("IMMEDIATELY", 7L, "WITHIN_3_MONTHS", 5L, "WITHIN_6_MONTHS", 6L));
    assertThat(plan.of("ACTION").stream().mapToLong(a -> refs(a.get("drivers")).size()).sum())
        .isEqualTo(59);
  }

  @Test
  void walsallReproducesItsDocumentsRagSummary() throws IOException {
    PlanFile plan = PlanFile.read("walsall");
    assertThat(plan.levelNames()).containsExactly("Priority", "Action");
    assertThat(plan.of("ITEM")).hasSize(3);
    assertThat(plan.of("ACTION")).hasSize(58);
    assertThat(plan.of("DRIVER")).hasSize(12);
    assertThat(plan.of("ACTION").stream().mapToLong(a -> refs(a.get("drivers")).size()).sum())
        .isEqualTo(72);
    Map<String, String> latest = new HashMap<>();
    Map<String, String> latestPeriod = new HashMap<>();
    for (PlanFile.Row report : plan.of("PROGRESS")) {
      String ref = report.get("ref");
      if (latestPeriod.getOrDefault(ref, "").compareTo(report.get("period")) <= 0) {
        latestPeriod.put(ref, report.get("period"));
        latest.put(ref, report.get("rag").toUpperCase(Locale.ROOT));
      }
    }
    assertThat(latest).hasSize(58);
    assertThat(countBy(new ArrayList<>(latest.values()), Function.identity()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("BLUE", 1L, "GREEN", 29L, "AMBER", 10L, "RED", 4L, "GREY", 14L));
  }

  @Test
  void westSussexHasTwelveOfstedAreasWithTheirActions() throws IOException {
    PlanFile plan = PlanFile.read("west-sussex");
    assertThat(plan.levelNames()).containsExactly("Ofsted area", "Action");
    assertThat(plan.of("ITEM")).hasSize(12);
    assertThat(plan.of("DRIVER")).hasSize(12);
    assertThat(plan.of("ACTION")).hasSize(96);
    assertThat(new TreeMap<>(countBy(plan.of("ACTION"), r -> r.get("parent_ref"))))
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.ofEntries(
                    Map.entry("1", 11L),
                    Map.entry("2", 6L),
                    Map.entry("3", 6L),
                    Map.entry("4", 8L),
                    Map.entry("5", 6L),
                    Map.entry("6", 8L),
                    Map.entry("7", 2L),
                    Map.entry("8", 7L),
                    Map.entry("9", 20L),
                    Map.entry("10", 6L),
                    Map.entry("11", 9L),
                    Map.entry("12", 7L))));
  }

  private static void checkAction(
      PlanFile.Row row,
      String at,
      Map<String, PlanFile.Row> items,
      Set<String> drivers,
      int levels,
      List<String> problems) {
    if (!ACTION_REF.matcher(row.get("ref")).matches()) {
      problems.add(at + "action ref " + row.get("ref"));
    }
    requireTitle(row, at, 500, problems);
    if (levels > 1) {
      PlanFile.Row parent = items.get(row.get("parent_ref"));
      if (parent == null || depth(parent, items) != levels - 2) {
        problems.add(
            at + "parent_ref " + row.get("parent_ref") + " is not an item just above actions");
      }
    }
    if (date(row, "due_date", at, problems) == null) {
      problems.add(at + "due_date required");
    }
    LocalDate start = date(row, "start_date", at, problems);
    LocalDate due = date(row, "due_date", at, problems);
    if (start != null && due != null && start.isAfter(due)) {
      problems.add(at + "start_date after due_date");
    }
    date(row, "revised_due_date", at, problems);
    date(row, "completed_on", at, problems);
    if (row.get("revised_due_date").isBlank() != row.get("revision_reason").isBlank()) {
      problems.add(at + "revised_due_date and revision_reason go together");
    }
    if (!row.get("rag").isBlank() && !RAGS.contains(row.get("rag").toUpperCase(Locale.ROOT))) {
      problems.add(at + "rag " + row.get("rag"));
    }
    List<String> leads = refs(row.get("leads"));
    if (leads.isEmpty()) {
      problems.add(at + "no lead");
    }
    leads.stream()
        .filter(l -> !PERSON.matcher(l).matches())
        .forEach(l -> problems.add(at + "lead " + l));
    refs(row.get("drivers")).stream()
        .filter(d -> !drivers.contains(d))
        .forEach(d -> problems.add(at + "unknown driver " + d));
  }

  /** Items and actions take titles of up to 500 characters, drivers their full words. */
  private static void requireTitle(PlanFile.Row row, String at, int max, List<String> problems) {
    String title = row.get("title");
    if (title.isBlank() || title.length() > max) {
      problems.add(at + "title must be 1 to " + max + " characters");
    }
  }

  private static LocalDate date(PlanFile.Row row, String column, String at, List<String> problems) {
    String value = row.get(column);
    if (value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(at + column + " " + value);
      return null;
    }
  }

  private static int depth(PlanFile.Row item, Map<String, PlanFile.Row> items) {
    int depth = 0;
    Set<String> seen = new HashSet<>();
    PlanFile.Row at = item;
    while (!at.get("parent_ref").isEmpty() && seen.add(at.get("ref"))) {
      at = items.get(at.get("parent_ref"));
      if (at == null) {
        return Integer.MAX_VALUE;
      }
      depth++;
    }
    return depth;
  }

  private static Map<String, PlanFile.Row> byRef(List<PlanFile.Row> rows) {
    return rows.stream().collect(Collectors.toMap(r -> r.get("ref"), r -> r, (a, b) -> a));
  }

  private static List<String> refs(String cell) {
    return Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static <T> Map<String, Long> countBy(List<T> rows, Function<T, String> key) {
    return rows.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }
}
