package org.improvementhub.portal.plan;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.improvementhub.portal.services.HubService;
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.session.Person;

/**
 * The items of a council's programmes (priorities, outcomes...) from the plan trees, as headings
 * for the actions beneath them: "Priority 1 Safeguarding › Outcome 1.2 Timely assessments".
 */
@Singleton
class PlanItems {

  private final HubServices services;

  PlanItems(HubServices services) {
    this.services = services;
  }

  Map<String, String> headings(Person person, String council) {
    String base = "/councils/" + council + "/programmes";
    Map<String, String> headings = new HashMap<>();
    for (Map<String, Object> programme :
        services.list(HubService.PLANS, base, person.accessToken())) {
      Map<String, Object> tree =
          services.object(
              HubService.PLANS, base + "/" + programme.get("id") + "/tree", person.accessToken());
      walk(tree.get("nodes"), "", headings);
    }
    return headings;
  }

  @SuppressWarnings("unchecked")
  private static void walk(Object nodes, String above, Map<String, String> headings) {
    if (!(nodes instanceof List<?> list)) {
      return;
    }
    for (Object node : list) {
      if (node instanceof Map<?, ?> map && "ITEM".equals(map.get("kind"))) {
        Map<String, Object> item = (Map<String, Object>) map;
        String own =
            (item.get("level") == null ? "" : item.get("level") + " ")
                + item.get("ref")
                + " "
                + item.get("title");
        String heading = above.isEmpty() ? own : above + " › " + own;
        headings.put(String.valueOf(item.get("id")), heading);
        walk(item.get("children"), heading, headings);
      }
    }
  }
}
