package org.improvementhub.plans.driver;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/** A driver with the actions that answer it. */
@Serdeable
public record DriverView(
    UUID id,
    UUID programmeId,
    DriverKind kind,
    String ref,
    String text,
    String description,
    DriverTimeframe timeframe,
    List<UUID> actionIds) {

  static DriverView of(PlanDriver driver, List<UUID> actionIds) {
    return new DriverView(
        driver.id(),
        driver.programmeId(),
        driver.kind(),
        driver.ref(),
        driver.text(),
        driver.description(),
        driver.timeframe(),
        actionIds);
  }
}
