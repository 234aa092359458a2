package org.improvementhub.measures.status;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A measure's targets over time. The target in force for a period is the latest step whose {@code
 * from} is on or before the period; before the first step no target applies (Grey). Steps are kept
 * in order of {@code from}; two steps from the same month are refused where targets are entered.
 */
public record Trajectory(List<TargetStep> steps) {

  public static final Trajectory NONE = new Trajectory(List.of());

  public Trajectory {
    steps = steps.stream().sorted(Comparator.comparing(TargetStep::from)).toList();
  }

  public Optional<TargetStep> inForce(YearMonth period) {
    TargetStep found = null;
    for (TargetStep step : steps) {
      if (step.from().isAfter(period)) {
        break;
      }
      found = step;
    }
    return Optional.ofNullable(found);
  }
}
