package org.improvementhub.plans.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.improvementhub.plans.revision.PlanReads;
import org.improvementhub.plans.tree.Placement;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.ProblemException;

/** {@code /councils/{council}/actions}: the council is checked against the token by the filter. */
@Controller("/councils/{council}/actions")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ImprovementActionController {

  private static final int DEFAULT_PAGE_SIZE = 1000;
  private static final int MAX_PAGE_SIZE = 1000;

  private final ImprovementActions actions;
  private final PlanReads reads;

  public ImprovementActionController(ImprovementActions actions, PlanReads reads) {
    this.actions = actions;
    this.reads = reads;
  }

  @Post
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<ActionView> add(@PathVariable String council, @Body @Valid NewAction action) {
    ImprovementAction saved = actions.add(CouncilSlug.of(council), action);
    return HttpResponse.created(actions.view(saved.id()), location(council, saved.id().toString()));
  }

  /**
   * The council's actions in ref order ("2.9" before "2.10"), narrowed by any of: programme, RAG,
   * lead (email or part of a name), overdue, an item of the plan they sit beneath ({@code under},
   * any level), a driver, search words ({@code q}: each in the ref or the title, any case). A page
   * at a time; the body stays a plain list and {@code X-Total-Count} says how many match.
   */
  @Get
  public HttpResponse<List<ActionView>> list(
      @PathVariable String council,
      @Nullable @QueryValue UUID programmeId,
      @Nullable @QueryValue RagStatus rag,
      @Nullable @QueryValue String lead,
      @Nullable @QueryValue Boolean overdue,
      @Nullable @QueryValue UUID under,
      @Nullable @QueryValue UUID driver,
      @Nullable @QueryValue String q,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size,
      @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    int pageNumber = page == null ? 0 : page;
    int pageSize = size == null ? DEFAULT_PAGE_SIZE : size;
    if (pageNumber < 0) {
      throw ProblemException.invalidField("page", "must be 0 or more");
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw ProblemException.invalidField("size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    ActionFilter filter =
        new ActionFilter(
            programmeId,
            rag,
            lead == null || lead.isBlank() ? null : lead.strip(),
            Boolean.TRUE.equals(overdue) ? actions.today() : null,
            under,
            driver,
            ActionFilter.words(q));
    return reads.answer(
        CouncilSlug.of(council),
        List.of("actions", filter, pageNumber, pageSize),
        ifNoneMatch,
        () -> {
          ImprovementActions.ActionPage found =
              actions.filtered(CouncilSlug.of(council), filter, pageNumber, pageSize);
          return new PlanReads.Answer<>(
              Argument.listOf(ActionView.class),
              found.items(),
              Map.of("X-Total-Count", String.valueOf(found.total())));
        });
  }

  /**
   * The council's actions at a glance today: how many at each status, and the first twenty Red and
   * Amber, overdue and due soon, each list with its total (what a programme overview shows).
   */
  @Get("/summary")
  public HttpResponse<ActionSummary> summary(
      @PathVariable String council,
      @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    LocalDate today = actions.today();
    return reads.answer(
        CouncilSlug.of(council),
        List.of("summary", today),
        ifNoneMatch,
        ActionSummary.class,
        () -> actions.summary(CouncilSlug.of(council), today));
  }

  @Get("/{id}")
  public HttpResponse<ActionView> get(
      @PathVariable String council,
      @PathVariable UUID id,
      @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    return reads.answer(
        CouncilSlug.of(council),
        List.of("action", id),
        ifNoneMatch,
        ActionView.class,
        () -> actions.view(id));
  }

  @Patch("/{id}")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public ActionView change(
      @PathVariable String council, @PathVariable UUID id, @Body @Valid ActionChange change) {
    actions.change(id, change);
    return actions.view(id);
  }

  @Put("/{id}/placement")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public ActionView place(
      @PathVariable String council, @PathVariable UUID id, @Body @Valid Placement placement) {
    actions.place(id, placement);
    return actions.view(id);
  }

  /**
   * Withdraws an action the council no longer pursues: kept with its history, shown as withdrawn,
   * no longer counted or chased.
   */
  @Post("/{id}/withdrawal")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public ActionView withdraw(
      @PathVariable String council, @PathVariable UUID id, @Body @Valid Withdrawal withdrawal) {
    actions.withdraw(CouncilSlug.of(council), id, withdrawal);
    return actions.view(id);
  }

  /** Action leads report progress on their own actions too. */
  @Post("/{id}/progress-reports")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER", "ACTION_LEAD"})
  public HttpResponse<ProgressReportView> report(
      @PathVariable String council,
      @PathVariable UUID id,
      @Body @Valid ProgressReportRequest request) {
    ActionProgressReport saved = actions.reportProgress(CouncilSlug.of(council), id, request);
    return HttpResponse.created(
        ProgressReportView.of(saved), location(council, id + "/progress-reports"));
  }

  @Get("/{id}/progress-reports")
  public List<ProgressReportView> progress(@PathVariable String council, @PathVariable UUID id) {
    return actions.progressHistory(id);
  }

  @Post("/{id}/due-date-revisions")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<DueDateRevision> revise(
      @PathVariable String council,
      @PathVariable UUID id,
      @Body @Valid DueDateRevisionRequest request) {
    DueDateRevision saved = actions.reviseDueDate(CouncilSlug.of(council), id, request);
    return HttpResponse.created(saved, location(council, id + "/due-date-revisions"));
  }

  @Get("/{id}/due-date-revisions")
  public List<DueDateRevision> revisions(@PathVariable String council, @PathVariable UUID id) {
    return actions.dueDateHistory(id);
  }

  private static URI location(String council, String rest) {
    return UriBuilder.of("/councils/").path(council).path("actions").path(rest).build();
  }
}
