package org.improvementhub.plans.risk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A risk or an issue in the council's register. */
@MappedEntity("plan_risk")
public record PlanRisk(
    @Id @AutoPopulated UUID id,
    RiskKind kind,
    String ref,
    String description,
    @Nullable Integer likelihood,
    @Nullable Integer impact,
    String owner,
    @Nullable String mitigations,
    RiskStatus status,
    @Nullable LocalDate reviewDate,
    @DateCreated Instant createdAt,
    @DateUpdated Instant updatedAt,
    @Version Long version) {

  /** Likelihood times impact, 1 to 25; none for an issue. */
  @Nullable
  public Integer score() {
    return likelihood == null || impact == null ? null : likelihood * impact;
  }
}
