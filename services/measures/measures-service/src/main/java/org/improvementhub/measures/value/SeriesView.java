package org.improvementhub.measures.value;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.improvementhub.measures.status.Status;
import org.improvementhub.measures.status.Trend;

/**
 * A measure's periods from {@code from} to {@code to} for a chart: every reporting period, with or
 * without a value, so a gap shows as a gap. {@code status} and {@code trend} are null for a period
 * with no value. {@code points} is given even when empty, so a chart needs no special case.
 */
@Serdeable
public record SeriesView(
    UUID measureId,
    String from,
    String to,
    @JsonInclude(JsonInclude.Include.ALWAYS) List<Point> points) {

  /** One period of the chart. */
  @Serdeable
  public record Point(
      String period,
      @Nullable BigDecimal value,
      @Nullable BigDecimal target,
      @Nullable BigDecimal lower,
      @Nullable BigDecimal upper,
      @Nullable Status status,
      @Nullable Trend trend) {}
}
