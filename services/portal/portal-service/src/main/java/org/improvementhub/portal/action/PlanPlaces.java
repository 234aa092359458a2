package org.improvementhub.portal.action;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.improvementhub.portal.page.Choice;
import org.improvementhub.portal.plan.ItemHeading;
import org.improvementhub.portal.services.HubService;
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.session.Person;

/**
 * Where a new action can sit: the items of each programme's plan that hold actions (those with no
 * items beneath them), named by their path ("Priority 1 Safeguarding › Outcome 1.2 ..."). The value
 * is "programme id/item id"; the plans service checks the level.
 */
@Singleton
class PlanPlaces {

  static final String NOWHERE = "";

  private final HubServices services;

  PlanPlaces(HubServices services) {
    this.services = services;
  }

  List<Choice> choices(Person person, String council) {
    List<Choice> choices = new ArrayList<>();
    String base = "/councils/" + council + "/programmes";
    for (Map<String, Object> programme :
        services.list(HubService.PLANS, base, person.accessToken())) {
      Map<String, Object> tree =
          services.object(
              HubService.PLANS, base + "/" + programme.get("id") + "/tree", person.accessToken());
      walk(String.valueOf(programme.get("id")), tree.get("nodes"), "", choices);
    }
    choices.add(Choice.of(NOWHERE, "Not in a programme's plan"));
    return choices;
  }

  private static void walk(String programme, Object nodes, String above, List<Choice> choices) {
    if (!(nodes instanceof List<?> list)) {
      return;
    }
    for (Object node : list) {
      if (node instanceof Map<?, ?> item && "ITEM".equals(item.get("kind"))) {
        String path = ItemHeading.beneath(above, ItemHeading.of(item));
        boolean holdsItems =
            item.get("children") instanceof List<?> children
                && children.stream()
                    .anyMatch(c -> c instanceof Map<?, ?> m && "ITEM".equals(m.get("kind")));
        if (holdsItems) {
          walk(programme, item.get("children"), path, choices);
        } else {
          choices.add(Choice.of(programme + "/" + item.get("id"), path));
        }
      }
    }
  }
}
