package org.improvementhub.portal.plan;

import io.micronaut.http.uri.UriBuilder;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.improvementhub.portal.services.HubService;
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.session.Person;

/** A council's actions from the plans service, in ref order ("2.10" after "2.9"). */
@Singleton
public class CouncilActions {

  /** The plans service's largest page; most councils' plans fit in one. */
  private static final int PAGE = 1000;

  private final HubServices services;
  private final Clock clock;

  public CouncilActions(HubServices services, Clock clock) {
    this.services = services;
    this.clock = clock;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The actions matching {@code filter}, narrowed by the API and then by the search words. */
  public List<ActionRow> list(Person person, String council, PlanFilter filter) {
    UriBuilder uri = UriBuilder.of("/councils/").path(council).path("actions");
    uri.queryParam("size", PAGE);
    if (filter.rag() != null) {
      uri.queryParam("rag", filter.rag().name());
    }
    if (!filter.lead().isBlank()) {
      uri.queryParam("lead", filter.lead());
    }
    if (filter.overdue()) {
      uri.queryParam("overdue", true);
    }
    if (filter.driver() != null) {
      uri.queryParam("driver", filter.driver());
    }
    LocalDate today = today();
    // a plan beyond one API page is read page by page, so no action is silently left out
    List<Map<String, Object>> found = new ArrayList<>();
    for (int page = 0; ; page++) {
      List<Map<String, Object>> one =
          services.list(
              HubService.PLANS,
              UriBuilder.of(uri.build()).queryParam("page", page).toString(),
              person.accessToken());
      found.addAll(one);
      if (one.size() < PAGE) {
        break;
      }
    }
    return RefOrder.sorted(
        found.stream()
            .map(action -> ActionRow.of(action, today))
            .filter(row -> filter.matchesWords(row))
            .toList(),
        ActionRow::ref);
  }
}
