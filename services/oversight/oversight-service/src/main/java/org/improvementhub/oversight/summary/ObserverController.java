package org.improvementhub.oversight.summary;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.ProblemException;

/**
 * Every council in the observer's scope side by side, and one council's summary. Read-only; council
 * users never reach it (403), and a council outside the observer's scope is not found (404).
 */
@Controller("/oversight/councils")
@Secured({"DFE_OBSERVER", "PLATFORM_ADMIN"})
public class ObserverController {

  private final CouncilSummaries summaries;
  private final PreparedDashboards dashboards;

  public ObserverController(CouncilSummaries summaries, PreparedDashboards dashboards) {
    this.summaries = summaries;
    this.dashboards = dashboards;
  }

  /**
   * @param sort {@code name} (default), {@code red} (most Red first), {@code overdue} (most overdue
   *     first) or {@code stale} (longest without an update first)
   * @param status only councils with this status, e.g. {@code ACTIVE}
   */
  @Get
  public HttpResponse<byte[]> sideBySide(
      Authentication caller,
      @QueryValue @Nullable @Pattern(regexp = "name|red|overdue|stale") String sort,
      @QueryValue @Nullable @Pattern(regexp = "PROVISIONING|ACTIVE|SUSPENDED|ARCHIVED")
          String status) {
    return HttpResponse.ok(
            dashboards.sideBySide(ObserverScope.of(caller), sort == null ? "name" : sort, status))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  @Get("/{council}")
  public CouncilSummary one(Authentication caller, @PathVariable String council) {
    ObserverScope scope = ObserverScope.of(caller);
    // a name that is no council's (OversightFuzzIT: %00 reached PostgreSQL, a 500)
    if (!CouncilSlug.isValid(council) || !scope.includes(council)) {
      throw ProblemException.notFound("Council " + council);
    }
    return summaries.inScope(new ObserverScope(false, List.of(council))).stream()
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("Council " + council));
  }
}
