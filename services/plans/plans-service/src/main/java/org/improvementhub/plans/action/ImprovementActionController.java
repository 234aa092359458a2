package org.improvementhub.plans.action;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.ProblemException;

/** {@code /councils/{council}/actions}: the council is checked against the token by the filter. */
@Controller("/councils/{council}/actions")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ImprovementActionController {

  private final ImprovementActions actions;

  public ImprovementActionController(ImprovementActions actions) {
    this.actions = actions;
  }

  @Post
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<ActionView> add(@PathVariable String council, @Body @Valid NewAction action) {
    ImprovementAction saved = actions.add(CouncilSlug.of(council), action);
    return HttpResponse.created(
        ActionView.of(saved),
        UriBuilder.of("/councils")
            .path(council)
            .path("actions")
            .path(saved.id().toString())
            .build());
  }

  @Get
  public List<ActionView> list(@PathVariable String council) {
    return actions.all().stream().map(ActionView::of).toList();
  }

  @Get("/{id}")
  public ActionView get(@PathVariable String council, @PathVariable UUID id) {
    return actions
        .find(id)
        .map(ActionView::of)
        .orElseThrow(() -> ProblemException.notFound("Action " + id));
  }
}
