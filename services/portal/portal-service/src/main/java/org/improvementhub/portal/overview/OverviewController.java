package org.improvementhub.portal.overview;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.views.ModelAndView;
import java.util.List;
import java.util.Map;
import org.improvementhub.portal.measure.CouncilMeasures;
import org.improvementhub.portal.page.Pages;
import org.improvementhub.portal.page.RagStatus;
import org.improvementhub.portal.plan.ActionRow;
import org.improvementhub.portal.plan.CouncilActions;
import org.improvementhub.portal.plan.PlanFilter;
import org.improvementhub.portal.services.CouncilAddress;
import org.improvementhub.portal.services.CouncilNames;
import org.improvementhub.portal.session.Person;
import org.improvementhub.portal.session.Sessions;

/**
 * A council's programme at a glance: how many actions stand at each RAG status (a table, and a bar
 * chart that the table stands in for), overdue and due-soon actions, and the Red and Amber
 * exceptions the Improvement Board asks about.
 */
@Controller(value = "/councils/{council}", produces = MediaType.TEXT_HTML)
public class OverviewController {

  private final Sessions sessions;
  private final Pages pages;
  private final CouncilActions actions;
  private final CouncilNames councils;
  private final CouncilMeasures measures;

  public OverviewController(
      Sessions sessions,
      Pages pages,
      CouncilActions actions,
      CouncilNames councils,
      CouncilMeasures measures) {
    this.councils = councils;
    this.measures = measures;
    this.sessions = sessions;
    this.pages = pages;
    this.actions = actions;
  }

  @Get
  public ModelAndView<Map<String, Object>> overview(
      HttpRequest<?> request, @PathVariable String council) {
    Person person = sessions.person(request);
    String slug = CouncilAddress.slug(council);
    // withdrawn actions are no longer pursued: not counted, not chased
    List<ActionRow> all =
        actions.list(person, slug, PlanFilter.none()).stream().filter(a -> !a.withdrawn()).toList();
    long total = all.size();
    List<RagShare> shares =
        RagStatus.all().stream()
            .map(
                status ->
                    RagShare.of(status, all.stream().filter(a -> a.rag() == status).count(), total))
            .toList();
    long unreported = all.stream().filter(a -> a.rag() == null).count();
    Map<String, Object> model =
        pages.model(
            request,
            councils.name(person, slug) + ": programme overview",
            person.council() == null ? "oversight" : "overview");
    model.put("council", slug);
    model.put("councilName", councils.name(person, slug));
    model.put("total", total);
    model.put("unreported", unreported);
    model.put("shares", shares);
    model.put("overdue", all.stream().filter(ActionRow::overdue).toList());
    model.put("dueSoon", all.stream().filter(ActionRow::dueSoon).toList());
    model.put(
        "exceptions",
        all.stream()
            .filter(a -> a.rag() == RagStatus.RED || a.rag() == RagStatus.AMBER)
            .sorted((a, b) -> a.rag() == b.rag() ? 0 : a.rag() == RagStatus.RED ? -1 : 1)
            .toList());
    model.put("measuresOffTarget", measures.offTarget(person, slug));
    return new ModelAndView<>("overview", model);
  }
}
