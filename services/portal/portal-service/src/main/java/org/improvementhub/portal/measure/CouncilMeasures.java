package org.improvementhub.portal.measure;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.improvementhub.portal.services.HubService;
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.services.ServiceUnavailable;
import org.improvementhub.portal.session.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A council's measures with their latest values, and those linked to an action. The measures API
 * lists every measure with how its latest value stands, in one answer: the overview and the
 * measures page read the list, not each measure again.
 */
@Singleton
public class CouncilMeasures {

  private static final Logger LOG = LoggerFactory.getLogger(CouncilMeasures.class);

  private final HubServices services;

  public CouncilMeasures(HubServices services) {
    this.services = services;
  }

  public List<MeasureRow> all(Person person, String slug) {
    return services
        .list(HubService.MEASURES, "/councils/" + slug + "/measures", person.accessToken())
        .stream()
        .map(MeasureRow::of)
        .toList();
  }

  /**
   * Measures off target (Red first, then Amber), for the overview, asked now and answered later
   * (while the overview reads the actions); null when the measures service cannot answer, so the
   * rest of the overview still shows and the page says what is missing.
   */
  public CompletableFuture<List<MeasureRow>> offTargetLater(Person person, String slug) {
    return services
        .listLater(HubService.MEASURES, "/councils/" + slug + "/measures", person.accessToken())
        .handle(
            (listed, failure) -> {
              if (failure != null) {
                Throwable cause = failure instanceof CompletionException c ? c.getCause() : failure;
                if (cause instanceof ServiceUnavailable unavailable) {
                  LOG.warn(
                      "Measures left off the overview of {}: {}", slug, unavailable.getMessage());
                  return null;
                }
                throw failure instanceof CompletionException c ? c : new CompletionException(cause);
              }
              return listed.stream()
                  .map(MeasureRow::of)
                  .filter(MeasureRow::offTarget)
                  .sorted(
                      (a, b) ->
                          a.status() == b.status() ? 0 : a.status() == MeasureStatus.RED ? -1 : 1)
                  .toList();
            });
  }

  /** The measures linked to an action, each with its latest value; null when measures is down. */
  @SuppressWarnings("unchecked")
  public List<MeasureRow> linkedTo(Person person, String slug, String actionId) {
    Map<String, Object> links;
    try {
      links =
          services.object(
              HubService.MEASURES,
              "/councils/" + slug + "/measure-links?action=" + actionId,
              person.accessToken());
    } catch (ServiceUnavailable unavailable) {
      LOG.warn(
          "Linked measures left off action {} of {}: {}", actionId, slug, unavailable.getMessage());
      return null;
    }
    List<MeasureRow> rows = new ArrayList<>();
    if (links.get("measures") instanceof List<?> linked) {
      for (Object each : linked) {
        if (each instanceof Map<?, ?> link && link.get("measure") instanceof Map<?, ?> measure) {
          rows.add(MeasureRow.of((Map<String, Object>) measure));
        }
      }
    }
    return rows;
  }
}
