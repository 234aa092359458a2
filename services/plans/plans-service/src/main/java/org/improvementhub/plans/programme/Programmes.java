package org.improvementhub.plans.programme;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.improvementhub.plans.action.RagStatus;
import org.improvementhub.plans.audit.AuditTrail;
import org.improvementhub.web.problem.ProblemException;

/** Sets up and changes a council's programmes; every change goes to the audit trail. */
@Singleton
public class Programmes {

  static final String RECORD_TYPE = "programme";

  private final ProgrammeRepository programmes;
  private final AuditTrail audit;

  public Programmes(ProgrammeRepository programmes, AuditTrail audit) {
    this.programmes = programmes;
    this.audit = audit;
  }

  @Transactional
  public Programme add(ProgrammeRequest request) {
    Programme saved = programmes.save(from(null, request, null));
    audit.record(RECORD_TYPE, saved.id(), "CREATED", null, ProgrammeView.of(saved));
    return saved;
  }

  @Transactional
  public Programme change(UUID id, ProgrammeRequest request) {
    Programme before = require(id);
    int inUse = programmes.levelsInUse(id);
    if (request.levelNames().size() != before.levelCount() && inUse > 0) {
      throw ProblemException.invalidField(
          "levelNames",
          "the plan already has items; the number of levels cannot change (it is "
              + before.levelCount()
              + ")");
    }
    Programme saved = programmes.update(from(id, request, before));
    audit.record(RECORD_TYPE, id, "UPDATED", ProgrammeView.of(before), ProgrammeView.of(saved));
    return saved;
  }

  @Transactional
  public List<Programme> all() {
    return programmes.findAllOrderByName();
  }

  @Transactional
  public Optional<Programme> find(UUID id) {
    return programmes.findById(id);
  }

  /** The programme, or a 404 naming it. */
  @Transactional
  public Programme require(UUID id) {
    return programmes.findById(id).orElseThrow(() -> ProblemException.notFound("Programme " + id));
  }

  private static Programme from(UUID id, ProgrammeRequest r, Programme before) {
    if (r.endDate() != null && r.endDate().isBefore(r.startDate())) {
      throw ProblemException.invalidField("endDate", "must not be before the start date");
    }
    if (r.trigger().kind() == TriggerKind.OFSTED_INSPECTION && r.trigger().date() == null) {
      throw ProblemException.invalidField("trigger.date", "give the date of the inspection");
    }
    if (r.trigger().kind() == TriggerKind.IMPROVEMENT_NOTICE && r.trigger().date() == null) {
      throw ProblemException.invalidField("trigger.date", "give the date of the notice");
    }
    Map<RagStatus, String> words = r.ragDescriptions() == null ? Map.of() : r.ragDescriptions();
    return new Programme(
        id,
        r.name().strip(),
        r.trigger().kind(),
        r.trigger().date(),
        r.trigger().judgement(),
        r.trigger().description(),
        r.improvementBoard(),
        r.reportingCadence() == null ? ReportingCadence.MONTHLY : r.reportingCadence(),
        r.programmeManager().name().strip(),
        r.programmeManager().email().strip(),
        r.levelNames().stream().map(String::strip).toArray(String[]::new),
        r.startDate(),
        r.endDate(),
        words.get(RagStatus.BLUE),
        words.get(RagStatus.GREEN),
        words.get(RagStatus.AMBER),
        words.get(RagStatus.RED),
        words.get(RagStatus.GREY),
        before == null ? null : before.createdAt(),
        before == null ? null : before.updatedAt(),
        before == null ? null : before.version());
  }
}
