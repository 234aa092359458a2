package org.improvementhub.oversight.summary;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** How many of a council's actions stand at one RAG status, and what share of all of them. */
@Serdeable
public record RagCount(String status, long count, BigDecimal percent) {

  /** Percent to two places, rounded half up, as councils' own reports show it (1.72%). */
  public static RagCount of(String status, long count, long total) {
    BigDecimal percent =
        total == 0
            ? BigDecimal.ZERO.setScale(2)
            : BigDecimal.valueOf(count * 100L)
                .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
    return new RagCount(status, count, percent);
  }
}
