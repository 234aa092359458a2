package org.improvementhub.measures.value;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.UUID;

/** {@code /councils/{council}/measures/{id}/series?from=YYYY-MM&to=YYYY-MM}: a chart's data. */
@Controller("/councils/{council}/measures/{id}/series")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class MeasureSeriesController {

  private final MeasureSeries series;

  public MeasureSeriesController(MeasureSeries series) {
    this.series = series;
  }

  @Get
  public SeriesView series(
      @PathVariable String council,
      @PathVariable UUID id,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to) {
    return series.between(id, from, to);
  }
}
