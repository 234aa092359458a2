package org.improvementhub.measures.measure;

import java.math.BigDecimal;
import java.util.Optional;

/** What a measure's values count in. */
public enum MeasureUnit {
  /** A share of a cohort, 0 to 100: "single assessments completed within 45 working days". */
  PERCENT(new BigDecimal(100), new BigDecimal(100)),
  /** A number of children, cases or staff. */
  COUNT(BigDecimal.ONE, null),
  /** A duration or an average duration in days. */
  DAYS(BigDecimal.ONE, null),
  /** Per 10,000 children in the local population, as the DfE publishes rates. */
  RATE_PER_10000(new BigDecimal(10_000), null);

  private final BigDecimal perWhole;
  private final BigDecimal ceiling;

  MeasureUnit(BigDecimal perWhole, BigDecimal ceiling) {
    this.perWhole = perWhole;
    this.ceiling = ceiling;
  }

  /** The value that numerator / denominator = 1 stands for: 100 for a percentage. */
  public BigDecimal perWhole() {
    return perWhole;
  }

  /** The largest value this unit allows, if it has one. */
  public Optional<BigDecimal> ceiling() {
    return Optional.ofNullable(ceiling);
  }

  /**
   * Whether the numerator counts part of the denominator (children in the cohort), so can never
   * exceed it. An average in days or a count may have a numerator larger than its denominator
   * (total days over cases).
   */
  public boolean isShareOfWhole() {
    return this == PERCENT;
  }
}
