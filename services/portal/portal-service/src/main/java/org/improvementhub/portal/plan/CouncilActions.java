package org.improvementhub.portal.plan;

import io.micronaut.http.uri.UriBuilder;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import org.improvementhub.portal.services.HubService;
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.services.ListPage;
import org.improvementhub.portal.session.Person;

/**
 * A council's actions from the plans service, a page at a time, filtered and in ref order ("2.10"
 * after "2.9") by the service itself: a page of the plan reads the hundred actions it shows, not
 * the whole plan.
 */
@Singleton
public class CouncilActions {

  private final HubServices services;
  private final Clock clock;

  public CouncilActions(HubServices services, Clock clock) {
    this.services = services;
    this.clock = clock;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * Page {@code number} (from 1; null for the first) of the actions matching {@code filter}; a page
   * past the last is the last.
   */
  public PlanPage page(Person person, String council, PlanFilter filter, Integer number) {
    int wanted = number == null || number < 1 ? 1 : number;
    ListPage found = read(person, council, filter, wanted);
    int last = PlanPage.pages(found.total());
    if (wanted > last) {
      wanted = last;
      found = read(person, council, filter, wanted);
    }
    LocalDate today = today();
    return PlanPage.of(
        wanted,
        found.items().stream().map(action -> ActionRow.of(action, today)).toList(),
        found.total(),
        "/councils/" + council + "/plan",
        filter);
  }

  private ListPage read(Person person, String council, PlanFilter filter, int number) {
    UriBuilder uri = UriBuilder.of("/councils/").path(council).path("actions");
    uri.queryParam("size", PlanPage.ROWS);
    uri.queryParam("page", number - 1);
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
    if (!filter.words().isBlank()) {
      uri.queryParam("q", filter.words());
    }
    return services.page(HubService.PLANS, uri.toString(), person.accessToken());
  }
}
