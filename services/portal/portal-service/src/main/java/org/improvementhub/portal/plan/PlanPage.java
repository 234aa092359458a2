package org.improvementhub.portal.plan;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of the plan's actions: a hundred rows in ref order, and the links to the others (GOV.UK
 * pagination). A plan of hundreds of actions was one page of hundreds of rows, which a person
 * scrolls rather than reads and which the portal spent most of its time rendering; the filters and
 * the search find an action faster than scrolling.
 *
 * @param number this page, from 1
 * @param rows this page's rows
 * @param total how many actions match, on every page
 * @param links every page's link, in order (one page: none)
 */
public record PlanPage(int number, List<ActionRow> rows, int total, List<PageLink> links) {

  /** A page's number and where it is (the plan's address with the filters and the page). */
  public record PageLink(int number, String href, boolean current) {}

  static final int ROWS = 100;

  /**
   * The {@code requested} page of {@code all} (a page past the last is the last), linked at {@code
   * address} with {@code filter}'s query.
   */
  static PlanPage of(List<ActionRow> all, Integer requested, String address, PlanFilter filter) {
    int pages = Math.max(1, (all.size() + ROWS - 1) / ROWS);
    int number = requested == null ? 1 : Math.min(Math.max(requested, 1), pages);
    List<ActionRow> rows = all.subList((number - 1) * ROWS, Math.min(all.size(), number * ROWS));
    List<PageLink> links = new ArrayList<>();
    if (pages > 1) {
      String query = query(filter);
      for (int page = 1; page <= pages; page++) {
        links.add(new PageLink(page, address + "?" + query + "page=" + page, page == number));
      }
    }
    return new PlanPage(number, rows, all.size(), List.copyOf(links));
  }

  /** The first row's position in the plan, from 1 (0 when nothing matches). */
  public int first() {
    return rows.isEmpty() ? 0 : (number - 1) * ROWS + 1;
  }

  public int last() {
    return first() + rows.size() - (rows.isEmpty() ? 0 : 1);
  }

  public PageLink previous() {
    return number > 1 ? links.get(number - 2) : null;
  }

  public PageLink next() {
    return number < links.size() ? links.get(number) : null;
  }

  private static String query(PlanFilter filter) {
    StringBuilder query = new StringBuilder();
    append(query, "q", filter.words());
    append(query, "rag", filter.ragCode());
    append(query, "lead", filter.lead());
    append(query, "overdue", filter.overdue() ? "yes" : "");
    append(query, "driver", filter.driverId());
    return query.toString();
  }

  private static void append(StringBuilder query, String name, String value) {
    if (!value.isEmpty()) {
      query
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
          .append('&');
    }
  }
}
