package org.improvementhub.tenancy.council;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import java.util.List;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.ProblemException;

/**
 * {@code /councils}: platform admins provision councils; everyone sees the councils their token
 * allows. {@code CouncilAccessFilter} has already hidden other councils' paths (404); the registry
 * checks again, so a route that escaped the filter still reveals nothing.
 */
@Controller("/councils")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class CouncilController {

  private final CouncilRegistry registry;

  public CouncilController(CouncilRegistry registry) {
    this.registry = registry;
  }

  @Post
  @Secured("PLATFORM_ADMIN")
  public HttpResponse<CouncilView> provision(@Body @Valid NewCouncil council) {
    CouncilView provisioned = registry.provision(council);
    return HttpResponse.created(
        provisioned, UriBuilder.of("/councils").path(provisioned.slug()).build());
  }

  @Get
  public List<CouncilView> list(Authentication caller) {
    return registry.visibleTo(caller);
  }

  @Get("/{council}")
  public CouncilView get(@PathVariable String council, Authentication caller) {
    return CouncilSlug.parse(council)
        .flatMap(slug -> registry.find(slug, caller))
        .orElseThrow(() -> ProblemException.notFound("Council '" + council + "'"));
  }
}
