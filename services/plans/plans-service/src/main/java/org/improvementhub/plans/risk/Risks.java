package org.improvementhub.plans.risk;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.improvementhub.plans.audit.AuditTrail;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/** Keeps the council's risk register and issue log, audited. */
@Singleton
public class Risks {

  static final String RECORD_TYPE = "risk";

  private final PlanRiskRepository risks;
  private final AuditTrail audit;

  public Risks(PlanRiskRepository risks, AuditTrail audit) {
    this.risks = risks;
    this.audit = audit;
  }

  @Transactional
  public PlanRisk add(RiskRequest request) {
    String ref = request.ref().strip();
    if (risks.existsByRef(ref)) {
      throw ProblemException.of(ProblemType.CONFLICT, "Ref " + ref + " is already in the register");
    }
    PlanRisk saved = risks.save(from(null, request, null));
    audit.record(RECORD_TYPE, saved.id(), "CREATED", null, RiskView.of(saved, List.of()));
    return saved;
  }

  @Transactional
  public PlanRisk change(UUID id, RiskRequest request) {
    PlanRisk before = require(id);
    String ref = request.ref().strip();
    if (!ref.equals(before.ref()) && risks.existsByRef(ref)) {
      throw ProblemException.of(ProblemType.CONFLICT, "Ref " + ref + " is already in the register");
    }
    List<UUID> linked = risks.linked(id);
    PlanRisk saved = risks.update(from(id, request, before));
    audit.record(
        RECORD_TYPE, id, "UPDATED", RiskView.of(before, linked), RiskView.of(saved, linked));
    return saved;
  }

  @Transactional
  public void link(UUID id, UUID targetId) {
    require(id);
    String kind = risks.kindOf(targetId);
    if ("NONE".equals(kind)) {
      throw ProblemException.notFound("Plan item or action " + targetId);
    }
    if (risks.link(id, targetId, kind) == 1) {
      audit.record(RECORD_TYPE, id, "LINKED", null, Map.of("linkedTo", targetId, "kind", kind));
    }
  }

  @Transactional
  public void unlink(UUID id, UUID targetId) {
    require(id);
    if (risks.unlink(id, targetId) == 1) {
      audit.record(RECORD_TYPE, id, "UNLINKED", Map.of("linkedTo", targetId), null);
    }
  }

  @Transactional
  public List<RiskView> register(RiskKind kind, RiskStatus status) {
    return risks
        .register(kind == null ? null : kind.name(), status == null ? null : status.name())
        .stream()
        .map(r -> RiskView.of(r, risks.linked(r.id())))
        .toList();
  }

  @Transactional
  public RiskView view(UUID id) {
    return RiskView.of(require(id), risks.linked(id));
  }

  private PlanRisk require(UUID id) {
    return risks.findById(id).orElseThrow(() -> ProblemException.notFound("Risk or issue " + id));
  }

  private static PlanRisk from(UUID id, RiskRequest r, PlanRisk before) {
    if (r.kind() == RiskKind.RISK && r.likelihood() == null) {
      throw ProblemException.invalidField("likelihood", "a risk needs its likelihood, 1 to 5");
    }
    if (r.kind() == RiskKind.RISK && r.impact() == null) {
      throw ProblemException.invalidField("impact", "a risk needs its impact, 1 to 5");
    }
    return new PlanRisk(
        id,
        r.kind(),
        r.ref().strip(),
        r.description().strip(),
        r.likelihood(),
        r.impact(),
        r.owner().strip(),
        r.mitigations(),
        r.status() == null ? RiskStatus.OPEN : r.status(),
        r.reviewDate(),
        before == null ? null : before.createdAt(),
        before == null ? null : before.updatedAt(),
        before == null ? null : before.version());
  }
}
