package org.improvementhub.tenancy.export;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.improvementhub.tenancy.context.CouncilAccess;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.tenancy.context.HubRole;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/**
 * {@code GET /councils/{council}/export} and {@code POST /councils/{council}/restore}: platform
 * admins only (a council's own admin cannot take a copy of the whole schema). Anyone else who may
 * not see the council gets 404, as on every council route; its own users get 403.
 */
@Controller("/councils/{council}")
// declared here so that no body is even read for anyone else; the method checks again
@Secured("PLATFORM_ADMIN")
public class CouncilExportController {

  private final CouncilExports exports;

  public CouncilExportController(CouncilExports exports) {
    this.exports = exports;
  }

  @Get(value = "/export", produces = "application/zip")
  public HttpResponse<byte[]> export(@PathVariable String council, Authentication caller) {
    CouncilSlug slug = platformAdminOnly(council, caller);
    return HttpResponse.ok(exports.export(slug))
        .contentType(new MediaType("application/zip"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + slug.value() + "-export.zip\"");
  }

  @Post(
      value = "/restore",
      consumes = {"application/zip", MediaType.APPLICATION_OCTET_STREAM})
  public RestoreSummary restore(
      @PathVariable String council, @Body byte[] export, Authentication caller) {
    return exports.restore(platformAdminOnly(council, caller), export);
  }

  private static CouncilSlug platformAdminOnly(String council, Authentication caller) {
    CouncilSlug slug =
        CouncilSlug.parse(council)
            .orElseThrow(() -> ProblemException.notFound("Council '" + council + "'"));
    if (CouncilAccess.decide(caller, slug, false) == CouncilAccess.Decision.HIDDEN) {
      throw ProblemException.notFound("Council '" + council + "'");
    }
    if (!CouncilAccess.rolesOf(caller).contains(HubRole.PLATFORM_ADMIN)) {
      throw ProblemException.of(
          ProblemType.FORBIDDEN, "Only a platform admin may export or restore a council");
    }
    return slug;
  }
}
