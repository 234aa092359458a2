package org.improvementhub.testsupport.matrix;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the matrix found: one cell per route and caller. */
public record MatrixResult(List<Route> routes, List<String> callers, List<Cell> cells) {

  /**
   * One request: who asked which route, what was due and what came back.
   *
   * @param secured whether the answer carried the security headers every response must carry
   */
  public record Cell(Route route, String caller, Expectation due, int status, boolean secured) {

    public Cell(Route route, String caller, Expectation due, int status) {
      this(route, caller, due, status, true);
    }

    boolean met() {
      return due.metBy(status) && secured;
    }

    @Override
    public String toString() {
      return route
          + " as "
          + caller
          + ": due "
          + due.label()
          + ", got "
          + status
          + (secured ? "" : " without the security headers");
    }
  }

  /** Every cell whose answer was not the one due (a leak, a wrong refusal or a server error). */
  public List<Cell> failures() {
    return cells.stream().filter(cell -> !cell.met()).toList();
  }

  /** Cells where a refusal was due and the route answered with success. */
  public List<Cell> leaks() {
    return cells.stream().filter(cell -> cell.due().leakedBy(cell.status())).toList();
  }

  /** The matrix as text: a row per route, a column per caller, each cell "got/due" or "got". */
  public String table() {
    Map<Route, StringBuilder> rows = new LinkedHashMap<>();
    for (Route route : routes) {
      rows.put(route, new StringBuilder(String.format("%-70s", route)));
    }
    for (Cell cell : cells) {
      String mark =
          cell.met()
              ? String.valueOf(cell.status())
              : cell.status() + "!" + (cell.secured() ? cell.due().label() : "headers");
      rows.get(cell.route()).append(String.format(" %-12s", mark));
    }
    StringBuilder table = new StringBuilder(String.format("%-70s", "route \\ caller"));
    callers.forEach(caller -> table.append(String.format(" %-12.12s", caller)));
    table.append('\n');
    rows.values().forEach(row -> table.append(row).append('\n'));
    table.append(
        String.format(
            "%d routes x %d callers = %d requests; %d not as due, %d leaks%n",
            routes.size(), callers.size(), cells.size(), failures().size(), leaks().size()));
    return table.toString();
  }
}
