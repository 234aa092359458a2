package org.improvementhub.tenancy.status;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;
import java.util.List;
import org.improvementhub.tenancy.context.AnyCouncilStatus;
import org.improvementhub.tenancy.context.CouncilAccess;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.tenancy.context.HubRole;
import org.improvementhub.tenancy.status.CouncilLifecycle.Change;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/**
 * {@code /councils/{council}/suspend|reinstate|archive} and {@code status-changes}: platform admins
 * only, declared so (every other role gets 403 before any council is looked at, which tells them
 * nothing about it) and checked again in the method. These routes work whatever the council's
 * status (they are how it changes).
 */
@Controller("/councils/{council}")
@Secured("PLATFORM_ADMIN")
@AnyCouncilStatus
public class CouncilStatusController {

  private final CouncilLifecycle lifecycle;

  public CouncilStatusController(CouncilLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Post("/suspend")
  public CouncilStatusChange suspend(
      @PathVariable String council,
      @Body @Valid StatusChangeRequest request,
      Authentication caller) {
    return lifecycle.apply(
        platformAdminOnly(council, caller), Change.SUSPEND, request.reason(), caller);
  }

  @Post("/reinstate")
  public CouncilStatusChange reinstate(
      @PathVariable String council,
      @Body @Valid @Nullable StatusChangeRequest request,
      Authentication caller) {
    return lifecycle.apply(
        platformAdminOnly(council, caller), Change.REINSTATE, reasonOf(request), caller);
  }

  @Post("/archive")
  public CouncilStatusChange archive(
      @PathVariable String council,
      @Body @Valid @Nullable StatusChangeRequest request,
      Authentication caller) {
    return lifecycle.apply(
        platformAdminOnly(council, caller), Change.ARCHIVE, reasonOf(request), caller);
  }

  @Get("/status-changes")
  public List<CouncilStatusChange> history(@PathVariable String council, Authentication caller) {
    return lifecycle.historyOf(platformAdminOnly(council, caller));
  }

  private static String reasonOf(@Nullable StatusChangeRequest request) {
    return request == null ? null : request.reason();
  }

  private static CouncilSlug platformAdminOnly(String council, Authentication caller) {
    CouncilSlug slug =
        CouncilSlug.parse(council)
            .orElseThrow(() -> ProblemException.notFound("Council '" + council + "'"));
    if (!CouncilAccess.rolesOf(caller).contains(HubRole.PLATFORM_ADMIN)) {
      throw ProblemException.of(
          ProblemType.FORBIDDEN, "Only a platform admin may change a council's status");
    }
    return slug;
  }
}
