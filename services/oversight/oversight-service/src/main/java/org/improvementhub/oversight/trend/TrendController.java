package org.improvementhub.oversight.trend;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.time.YearMonth;
import org.improvementhub.oversight.summary.ObserverScope;
import org.improvementhub.oversight.tally.ReportingDay;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.ProblemException;

/**
 * {@code GET /oversight/councils/{council}/trend}: one council's RAG counts at each period's end,
 * for observers in scope (404 outside it; council users 403).
 */
@Controller("/oversight/councils/{council}/trend")
@Secured({"DFE_OBSERVER", "PLATFORM_ADMIN"})
public class TrendController {

  private final RagSnapshots snapshots;
  private final ReportingDay day;

  public TrendController(RagSnapshots snapshots, ReportingDay day) {
    this.snapshots = snapshots;
    this.day = day;
  }

  @Get
  public CouncilTrend trend(Authentication caller, @PathVariable String council) {
    // a name that is no council's (OversightFuzzIT: %00 reached PostgreSQL, a 500)
    if (!CouncilSlug.isValid(council) || !ObserverScope.of(caller).includes(council)) {
      throw ProblemException.notFound("Council " + council);
    }
    return snapshots
        .trend(council, YearMonth.from(day.today()))
        .orElseThrow(() -> ProblemException.notFound("Council " + council));
  }
}
