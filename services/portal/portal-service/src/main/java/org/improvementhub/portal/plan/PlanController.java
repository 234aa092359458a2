package org.improvementhub.portal.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.views.ModelAndView;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.improvementhub.portal.page.Pages;
import org.improvementhub.portal.page.RagStatus;
import org.improvementhub.portal.services.CouncilAddress;
import org.improvementhub.portal.services.CouncilNames;
import org.improvementhub.portal.services.HubService;
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.session.Person;
import org.improvementhub.portal.session.Sessions;

/**
 * A council's plan: its actions in ref order, a hundred to a page, searchable and filtered by RAG,
 * lead, overdue and driver.
 */
@Controller(value = "/councils/{council}/plan", produces = MediaType.TEXT_HTML)
public class PlanController {

  private final Sessions sessions;
  private final Pages pages;
  private final CouncilActions actions;
  private final HubServices services;
  private final PlanItems items;
  private final CouncilNames councils;

  public PlanController(
      Sessions sessions,
      Pages pages,
      CouncilActions actions,
      HubServices services,
      CouncilNames councils,
      PlanItems items) {
    this.councils = councils;
    this.items = items;
    this.sessions = sessions;
    this.pages = pages;
    this.actions = actions;
    this.services = services;
  }

  @Get
  public ModelAndView<Map<String, Object>> plan(
      HttpRequest<?> request,
      @PathVariable String council,
      @Nullable @QueryValue String q,
      @Nullable @QueryValue String rag,
      @Nullable @QueryValue String lead,
      @Nullable @QueryValue String overdue,
      @Nullable @QueryValue String driver,
      @Nullable @QueryValue Integer imported,
      @Nullable @QueryValue String page) {
    Person person = sessions.person(request);
    String slug = CouncilAddress.slug(council);
    PlanFilter filter = PlanFilter.of(q, rag, lead, overdue, driver);
    // the drivers and the headings are asked for at once, and read while the actions are
    CompletableFuture<List<Map<String, Object>>> drivers =
        services.listLater(
            HubService.PLANS, "/councils/" + slug + "/drivers", person.accessToken());
    CompletableFuture<Map<String, String>> headings = items.headingsLater(person, slug);
    PlanPage shown = actions.page(person, slug, filter, pageNumber(page));
    Map<String, Object> model =
        pages.model(request, councils.name(person, slug) + ": plan", "plan");
    model.put("council", slug);
    model.put("councilName", councils.name(person, slug));
    model.put("filter", filter);
    model.put("plan", shown);
    model.put("groups", PlanGroup.of(shown.rows(), HubServices.await(headings)));
    model.put("statuses", RagStatus.all());
    model.put("drivers", HubServices.await(drivers));
    // after confirming a plan read from a Word document (onboarding), the banner says how many
    model.put("importedActions", imported);
    return new ModelAndView<>("plan", model);
  }

  /** The page asked for; anything but a number is the first page, as no page would be. */
  private static Integer pageNumber(@Nullable String page) {
    if (page == null
        || page.isBlank()
        || page.length() > 9
        || !page.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Integer.valueOf(page);
  }
}
