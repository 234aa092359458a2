package org.improvementhub.measures.value;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * {@code /councils/{council}/measures/{id}/values}: one value per period, addressed by the period
 * ({@code YYYY-MM}), so recording is a PUT that a client may safely repeat.
 */
@Controller("/councils/{council}/measures/{id}/values")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class MeasureValueController {

  private final MeasureValues values;

  public MeasureValueController(MeasureValues values) {
    this.values = values;
  }

  /** 201 for a period's first value, 200 for a correction or a repeat. */
  @Put("/{period}")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<MeasureValueView> record(
      @PathVariable String council,
      @PathVariable UUID id,
      @PathVariable String period,
      @Body @Valid ValueEntry entry,
      Authentication caller) {
    MeasureValues.Shown recorded =
        values.record(
            CouncilSlug.of(council), id, ReportingPeriod.parse(period), entry, caller.getName());
    MeasureValueView view = recorded.view();
    if (recorded.change() == MeasureValues.Change.FIRST) {
      return HttpResponse.created(
          view,
          UriBuilder.of("/councils")
              .path(council)
              .path("measures")
              .path(id.toString())
              .path("values")
              .path(view.period())
              .build());
    }
    return HttpResponse.ok(view);
  }

  @Get
  public List<MeasureValueView> list(@PathVariable String council, @PathVariable UUID id) {
    return values.all(id);
  }

  @Get("/{period}")
  public ValueHistoryView history(
      @PathVariable String council, @PathVariable UUID id, @PathVariable String period) {
    return values.history(id, ReportingPeriod.parse(period));
  }
}
