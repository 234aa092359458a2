package org.improvementhub.plans.risk;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A risk or issue with its score and the plan items and actions it is linked to. */
@Serdeable
public record RiskView(
    UUID id,
    RiskKind kind,
    String ref,
    String description,
    Integer likelihood,
    Integer impact,
    Integer score,
    String owner,
    String mitigations,
    RiskStatus status,
    LocalDate reviewDate,
    List<UUID> linkedTo) {

  static RiskView of(PlanRisk risk, List<UUID> linkedTo) {
    return new RiskView(
        risk.id(),
        risk.kind(),
        risk.ref(),
        risk.description(),
        risk.likelihood(),
        risk.impact(),
        risk.score(),
        risk.owner(),
        risk.mitigations(),
        risk.status(),
        risk.reviewDate(),
        linkedTo);
  }
}
