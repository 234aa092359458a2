package org.improvementhub.portal.overview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.improvementhub.portal.page.RagStatus;

/**
 * How many actions stand at one status and what share of all, to two places rounded half up as
 * councils' own reports show it (and as the oversight service computes it).
 */
public record RagShare(RagStatus status, long count, BigDecimal percent) {

  static RagShare of(RagStatus status, long count, long total) {
    BigDecimal percent =
        total == 0
            ? BigDecimal.ZERO.setScale(2)
            : BigDecimal.valueOf(count * 100L)
                .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
    return new RagShare(status, count, percent);
  }

  public String percentText() {
    return percent.toPlainString() + "%";
  }

  /** The bar's length in the chart, out of 100 units wide. */
  public String barWidth() {
    return percent.setScale(1, RoundingMode.HALF_UP).toPlainString();
  }
}
