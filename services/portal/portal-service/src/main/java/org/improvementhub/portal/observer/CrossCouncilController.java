package org.improvementhub.portal.observer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.views.ModelAndView;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.improvementhub.portal.page.Pages;
import org.improvementhub.portal.page.RagStatus;
import org.improvementhub.portal.services.HubService;
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.session.Person;
import org.improvementhub.portal.session.Sessions;

/**
 * Every council in a DfE observer's scope side by side, sortable by the oversight service's orders
 * and filtered by name and status. Read only: the page has no controls that change anything.
 */
@Controller(value = "/oversight", produces = MediaType.TEXT_HTML)
public class CrossCouncilController {

  private static final Set<String> SORTS = Set.of("name", "red", "overdue", "stale");
  private static final Set<String> STATUSES =
      Set.of("ACTIVE", "PROVISIONING", "SUSPENDED", "ARCHIVED");

  private final Sessions sessions;
  private final Pages pages;
  private final HubServices services;

  public CrossCouncilController(Sessions sessions, Pages pages, HubServices services) {
    this.sessions = sessions;
    this.pages = pages;
    this.services = services;
  }

  @Get
  public ModelAndView<Map<String, Object>> councils(
      HttpRequest<?> request,
      @Nullable @QueryValue String sort,
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String name) {
    Person person = sessions.person(request);
    String order = sort != null && SORTS.contains(sort) ? sort : "name";
    String only = status != null && STATUSES.contains(status) ? status : "";
    String words = name == null ? "" : name.strip();
    UriBuilder uri = UriBuilder.of("/oversight/councils").queryParam("sort", order);
    if (!only.isEmpty()) {
      uri.queryParam("status", only);
    }
    List<CouncilRow> rows =
        services.list(HubService.OVERSIGHT, uri.toString(), person.accessToken()).stream()
            .map(CouncilRow::of)
            .filter(
                row ->
                    words.isEmpty()
                        || (row.name() + " " + row.slug())
                            .toLowerCase(Locale.UK)
                            .contains(words.toLowerCase(Locale.UK)))
            .toList();
    Map<String, Object> model = pages.model(request, "Councils side by side", "oversight");
    model.put("rows", rows);
    model.put("sort", order);
    model.put("status", only);
    model.put("name", words);
    model.put("statuses", RagStatus.all());
    List<CouncilColumn> sorts =
        List.of(
            new CouncilColumn("Council name", "name", false),
            new CouncilColumn("Most Red actions", "red", true),
            new CouncilColumn("Most overdue actions", "overdue", true),
            new CouncilColumn("Longest without an update", "stale", false));
    model.put("sorts", sorts);
    model.put(
        "sortHeading",
        sorts.stream()
            .filter(column -> column.sort().equals(order))
            .map(column -> column.heading().toLowerCase(Locale.UK))
            .findFirst()
            .orElse(""));
    return new ModelAndView<>("oversight", model);
  }
}
