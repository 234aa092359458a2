package org.improvementhub.tenancy.sso;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.improvementhub.tenancy.context.CouncilAccess;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.ProblemException;

/**
 * {@code /councils/{council}/sso}: the council's own admin (or a platform admin) reads and sets the
 * council's single sign-on. The access filter has already answered 404 to other councils' people
 * and 403 to read-only roles; the same rule is applied here again.
 */
@Controller("/councils/{council}/sso")
@Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN"})
public class SsoSettingsController {

  private final CouncilSsoSettings settings;

  SsoSettingsController(CouncilSsoSettings settings) {
    this.settings = settings;
  }

  @Get
  public SsoSettingsView read(@PathVariable String council, Authentication caller) {
    CouncilSlug slug = visible(council, caller, false);
    return settings
        .find(slug)
        .orElseThrow(() -> ProblemException.notFound("Single sign-on settings of '" + slug + "'"));
  }

  @Put
  public SsoSettingsView change(
      @PathVariable String council, @Body SsoSettings request, Authentication caller) {
    return settings.save(visible(council, caller, true), request, caller.getName());
  }

  private static CouncilSlug visible(String council, Authentication caller, boolean write) {
    return CouncilSlug.parse(council)
        .filter(slug -> CouncilAccess.decide(caller, slug, write) == CouncilAccess.Decision.ALLOWED)
        .orElseThrow(() -> ProblemException.notFound("Council '" + council + "'"));
  }
}
