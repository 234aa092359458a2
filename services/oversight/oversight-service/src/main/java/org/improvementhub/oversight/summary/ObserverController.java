package org.improvementhub.oversight.summary;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.improvementhub.web.problem.ProblemException;

/**
 * Every council in the observer's scope side by side, and one council's summary. Read-only; council
 * users never reach it (403), and a council outside the observer's scope is not found (404).
 */
@Controller("/oversight/councils")
@Secured({"DFE_OBSERVER", "PLATFORM_ADMIN"})
public class ObserverController {

  private static final ZoneId UK = ZoneId.of("Europe/London");

  private final CouncilSummaries summaries;
  private final Clock clock;

  public ObserverController(CouncilSummaries summaries, Clock clock) {
    this.summaries = summaries;
    this.clock = clock;
  }

  /**
   * @param sort {@code name} (default), {@code red} (most Red first), {@code overdue} (most overdue
   *     first) or {@code stale} (longest without an update first)
   * @param status only councils with this status, e.g. {@code ACTIVE}
   */
  @Get
  public List<CouncilSummary> sideBySide(
      Authentication caller,
      @QueryValue @Nullable @Pattern(regexp = "name|red|overdue|stale") String sort,
      @QueryValue @Nullable @Pattern(regexp = "PROVISIONING|ACTIVE|SUSPENDED|ARCHIVED")
          String status) {
    List<CouncilSummary> all = summaries.inScope(ObserverScope.of(caller), today());
    return all.stream()
        .filter(summary -> status == null || summary.status().equals(status))
        .sorted(order(sort == null ? "name" : sort))
        .toList();
  }

  @Get("/{council}")
  public CouncilSummary one(Authentication caller, @PathVariable String council) {
    ObserverScope scope = ObserverScope.of(caller);
    if (!scope.includes(council)) {
      throw ProblemException.notFound("Council " + council);
    }
    return summaries.inScope(new ObserverScope(false, List.of(council)), today()).stream()
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("Council " + council));
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(UK));
  }

  private static Comparator<CouncilSummary> order(String sort) {
    Comparator<CouncilSummary> byName = Comparator.comparing(CouncilSummary::council);
    return switch (sort) {
      case "red" ->
          Comparator.comparingLong((CouncilSummary s) -> -s.countOf("RED")).thenComparing(byName);
      case "overdue" ->
          Comparator.comparingLong((CouncilSummary s) -> -s.overdue()).thenComparing(byName);
      case "stale" ->
          Comparator.comparing(
                  (CouncilSummary s) -> s.lastUpdate() == null ? Instant.MIN : s.lastUpdate())
              .thenComparing(byName);
      default -> byName;
    };
  }
}
