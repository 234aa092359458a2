package org.improvementhub.tenancy.user;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;
import java.util.UUID;
import org.improvementhub.tenancy.context.CouncilAccess;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.ProblemException;

/**
 * {@code /councils/{council}/users/{id}}: one of a council's users, and changing their roles or
 * disabling them. As for the list, other councils' admins get 404 and read-only callers 403.
 */
@Controller("/councils/{council}/users/{id}")
@Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN"})
public class CouncilUserChangeController {

  private final CouncilUserChanges changes;

  public CouncilUserChangeController(CouncilUserChanges changes) {
    this.changes = changes;
  }

  @Get
  public UserView get(@PathVariable String council, @PathVariable UUID id, Authentication caller) {
    return UserView.of(changes.find(visible(council, caller, false), id));
  }

  @Put
  public UserView change(
      @PathVariable String council,
      @PathVariable UUID id,
      @Body @Valid CouncilUserChange change,
      Authentication caller) {
    return UserView.of(
        changes.change(visible(council, caller, true), id, change, caller.getName()));
  }

  private static CouncilSlug visible(String council, Authentication caller, boolean write) {
    return CouncilSlug.parse(council)
        .filter(slug -> CouncilAccess.decide(caller, slug, write) == CouncilAccess.Decision.ALLOWED)
        .orElseThrow(() -> ProblemException.notFound("Council '" + council + "'"));
  }
}
