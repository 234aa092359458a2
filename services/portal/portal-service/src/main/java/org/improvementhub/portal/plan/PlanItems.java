package org.improvementhub.portal.plan;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.improvementhub.portal.services.HubService;
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.session.Person;

/**
 * The items of a council's programmes (priorities, outcomes...), as headings for the actions
 * beneath them: "Priority 1 Safeguarding › Outcome 1.2 Timely assessments".
 *
 * <p>Read from each programme's item list, not its tree: the tree carries every action as well
 * (hundreds of them, which the plan page already has from the action list), and the headings need
 * only the items and their parents.
 */
@Singleton
class PlanItems {

  /** The plans service's largest page of items. */
  private static final int PAGE = 1000;

  private final HubServices services;

  PlanItems(HubServices services) {
    this.services = services;
  }

  /**
   * Each item's heading, by the item's id, asked now and answered later: the programmes, then every
   * programme's items at once.
   */
  CompletableFuture<Map<String, String>> headingsLater(Person person, String council) {
    String base = "/councils/" + council + "/programmes";
    return services
        .listLater(HubService.PLANS, base, person.accessToken())
        .thenCompose(
            programmes -> {
              List<CompletableFuture<List<Map<String, Object>>>> lists =
                  programmes.stream()
                      .map(p -> itemsLater(person, base + "/" + p.get("id") + "/items", 0))
                      .toList();
              return CompletableFuture.allOf(lists.toArray(CompletableFuture[]::new))
                  .thenApply(done -> headings(lists.stream().map(CompletableFuture::join)));
            });
  }

  /** The items at {@code path} from {@code page} on, a page after another. */
  private CompletableFuture<List<Map<String, Object>>> itemsLater(
      Person person, String path, int page) {
    return services
        .listLater(HubService.PLANS, path + "?size=" + PAGE + "&page=" + page, person.accessToken())
        .thenCompose(
            one -> {
              if (one.size() < PAGE) {
                return CompletableFuture.completedFuture(one);
              }
              return itemsLater(person, path, page + 1)
                  .thenApply(
                      rest -> {
                        List<Map<String, Object>> all = new ArrayList<>(one);
                        all.addAll(rest);
                        return all;
                      });
            });
  }

  private static Map<String, String> headings(Stream<List<Map<String, Object>>> programmes) {
    Map<String, Map<String, Object>> items = new HashMap<>();
    programmes
        .flatMap(List::stream)
        .forEach(item -> items.put(String.valueOf(item.get("id")), item));
    Map<String, String> headings = new HashMap<>();
    for (String id : items.keySet()) {
      heading(id, items, headings, 0);
    }
    return headings;
  }

  /**
   * The item's heading after its parent's; {@code depth} stops a parent chain that loops (which the
   * plans service does not allow) from recursing for ever.
   */
  private static String heading(
      String id, Map<String, Map<String, Object>> items, Map<String, String> headings, int depth) {
    String known = headings.get(id);
    if (known != null) {
      return known;
    }
    Map<String, Object> item = items.get(id);
    if (item == null) {
      return "";
    }
    String own = ItemHeading.of(item);
    Object parent = item.get("parentId");
    String above =
        parent == null || depth > items.size()
            ? ""
            : heading(String.valueOf(parent), items, headings, depth + 1);
    String heading = ItemHeading.beneath(above, own);
    headings.put(id, heading);
    return heading;
  }
}
