package org.improvementhub.testsupport.audit;

import java.util.List;
import java.util.Map;

/**
 * What a completeness run found: a row per write route performed, and the routes exempted with the
 * reason given.
 */
public record AuditCompletenessResult(
    String service, List<Row> rows, Map<String, String> notChanges) {

  /**
   * One write: its answer, whether it left a complete entry, how many entries it left, and the
   * newest entry's actor, record type and change.
   */
  public record Row(
      String route,
      int status,
      boolean audited,
      long entries,
      String actor,
      String recordType,
      String change) {}

  /** The write routes that left no complete audit entry. */
  public List<String> unaudited() {
    return rows.stream().filter(row -> !row.audited()).map(Row::route).toList();
  }

  /** The run as text: a summary line, then a line per route. */
  public String table() {
    StringBuilder table =
        new StringBuilder(
            String.format(
                "%s audit completeness: %d write routes, %d audited, %d not%s%n",
                service,
                rows.size(),
                rows.size() - unaudited().size(),
                unaudited().size(),
                notChanges.isEmpty() ? "" : " (" + notChanges.size() + " not changes)"));
    for (Row row : rows) {
      table.append(
          String.format(
              "%-95s %d -> %s%n",
              row.route(),
              row.status(),
              row.audited()
                  ? row.entries()
                      + " entries, newest "
                      + row.recordType()
                      + " "
                      + row.change()
                      + " by "
                      + row.actor()
                  : "NO COMPLETE AUDIT ENTRY (" + row.entries() + " new)"));
    }
    notChanges.forEach(
        (route, why) -> table.append(String.format("%-95s not a change: %s%n", route, why)));
    return table.toString();
  }
}
