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
public record PlanPage(int number, List<ActionRow> rows, long total, List<PageLink> links) {

  /** A page's number and where it is (the plan's address with the filters and the page). */
  public record PageLink(int number, String href, boolean current) {}

  static final int ROWS = 100;

  /** How many pages {@code total} actions fill (one, when there are none). */
  static int pages(long total) {
    return (int) Math.max(1, (total + ROWS - 1) / ROWS);
  }

  /** Page {@code number} holding {@code rows} of {@code total}, linked at {@code address}. */
  static PlanPage of(
      int number, List<ActionRow> rows, long total, String address, PlanFilter filter) {
    int pages = pages(total);
    List<PageLink> links = new ArrayList<>();
    if (pages > 1) {
      String query = query(filter);
      for (int page = 1; page <= pages; page++) {
        links.add(new PageLink(page, address + "?" + query + "page=" + page, page == number));
      }
    }
    return new PlanPage(number, List.copyOf(rows), total, List.copyOf(links));
  }

  /** The first row's position in the plan, from 1 (0 when nothing matches). */
  public long first() {
    return rows.isEmpty() ? 0 : (number - 1L) * ROWS + 1;
  }

  public long last() {
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
