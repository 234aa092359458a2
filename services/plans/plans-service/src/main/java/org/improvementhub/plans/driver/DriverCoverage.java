package org.improvementhub.plans.driver;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/**
 * The coverage view: drivers no action answers, actions no driver asks for, and per driver how many
 * of its actions stand at each RAG.
 */
@Serdeable
public record DriverCoverage(
    List<DriverRow> driversWithoutActions,
    List<ActionRow> actionsWithoutDrivers,
    List<DriverRow> drivers) {

  /** A driver with the RAG counts of its actions. */
  @Serdeable
  @Introspected
  public record DriverRow(
      UUID id,
      String ref,
      String kind,
      String text,
      @Nullable String timeframe,
      long actions,
      long blue,
      long green,
      long amber,
      long red,
      long grey) {}

  /** An action no driver is linked to. */
  @Serdeable
  @Introspected
  public record ActionRow(UUID id, String ref, String title, String ragStatus) {}
}
