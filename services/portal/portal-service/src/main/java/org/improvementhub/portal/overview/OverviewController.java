package org.improvementhub.portal.overview;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.views.ModelAndView;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.improvementhub.portal.measure.CouncilMeasures;
import org.improvementhub.portal.measure.MeasureRow;
import org.improvementhub.portal.page.Pages;
import org.improvementhub.portal.page.RagStatus;
import org.improvementhub.portal.plan.ActionRow;
import org.improvementhub.portal.plan.CouncilActions;
import org.improvementhub.portal.plan.PlanFilter;
import org.improvementhub.portal.services.CouncilAddress;
import org.improvementhub.portal.services.CouncilNames;
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.session.Person;
import org.improvementhub.portal.session.Sessions;

/**
 * A council's programme at a glance: how many actions stand at each RAG status (a table, and a bar
 * chart that the table stands in for), overdue and due-soon actions, and the Red and Amber
 * exceptions the Improvement Board asks about: the first of each, linked to the plan page that
 * lists them all.
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
    CompletableFuture<List<MeasureRow>> measuresOffTarget = measures.offTargetLater(person, slug);
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
    // the longest overdue and the soonest due first, so the first few are the most pressing
    model.put("overdue", FirstActions.of(byDueDate(all.stream().filter(ActionRow::overdue))));
    model.put("dueSoon", FirstActions.of(byDueDate(all.stream().filter(ActionRow::dueSoon))));
    model.put(
        "exceptions",
        FirstActions.of(
            all.stream()
                .filter(a -> a.rag() == RagStatus.RED || a.rag() == RagStatus.AMBER)
                .sorted((a, b) -> a.rag() == b.rag() ? 0 : a.rag() == RagStatus.RED ? -1 : 1)
                .toList()));
    model.put("measuresOffTarget", HubServices.await(measuresOffTarget));
    return new ModelAndView<>("overview", model);
  }

  /** Earliest due first; actions due the same day stay in ref order. */
  private static List<ActionRow> byDueDate(Stream<ActionRow> actions) {
    return actions.sorted(Comparator.comparing(ActionRow::due)).toList();
  }
}
