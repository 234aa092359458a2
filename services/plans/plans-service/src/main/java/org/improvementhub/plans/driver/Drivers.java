package org.improvementhub.plans.driver;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.improvementhub.messaging.outbox.Outbox;
import org.improvementhub.plans.audit.AuditTrail;
import org.improvementhub.plans.events.DriverSaved;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/** Keeps the council's register of drivers and their links to actions, audited. */
@Singleton
public class Drivers {

  static final String RECORD_TYPE = "driver";

  private final PlanDriverRepository drivers;
  private final AuditTrail audit;
  private final Outbox outbox;

  public Drivers(PlanDriverRepository drivers, AuditTrail audit, Outbox outbox) {
    this.drivers = drivers;
    this.audit = audit;
    this.outbox = outbox;
  }

  @Transactional
  public PlanDriver add(CouncilSlug council, DriverRequest request) {
    String ref = request.ref().strip();
    if (drivers.existsByRef(ref)) {
      throw ProblemException.of(
          ProblemType.CONFLICT, "A driver with ref " + ref + " already exists");
    }
    PlanDriver saved =
        drivers.save(
            new PlanDriver(
                null,
                request.programmeId(),
                request.kind(),
                ref,
                request.text().strip(),
                request.description(),
                request.timeframe(),
                null,
                null,
                null));
    audit.record(RECORD_TYPE, saved.id(), "CREATED", null, DriverView.of(saved, List.of()));
    announce(council, saved, List.of());
    return saved;
  }

  @Transactional
  public PlanDriver change(CouncilSlug council, UUID id, DriverRequest request) {
    PlanDriver before = require(id);
    String ref = request.ref().strip();
    if (!ref.equals(before.ref()) && drivers.existsByRef(ref)) {
      throw ProblemException.of(
          ProblemType.CONFLICT, "A driver with ref " + ref + " already exists");
    }
    List<UUID> linked = drivers.linkedActions(id);
    PlanDriver saved =
        drivers.update(
            new PlanDriver(
                id,
                request.programmeId(),
                request.kind(),
                ref,
                request.text().strip(),
                request.description(),
                request.timeframe(),
                before.createdAt(),
                before.updatedAt(),
                before.version()));
    audit.record(
        RECORD_TYPE, id, "UPDATED", DriverView.of(before, linked), DriverView.of(saved, linked));
    announce(council, saved, linked);
    return saved;
  }

  @Transactional
  public void link(CouncilSlug council, UUID id, UUID actionId) {
    PlanDriver driver = require(id);
    if (!drivers.actionExists(actionId)) {
      throw ProblemException.notFound("Action " + actionId);
    }
    if (drivers.link(id, actionId) == 1) {
      audit.record(RECORD_TYPE, id, "ACTION_LINKED", null, Map.of("actionId", actionId));
      announce(council, driver, drivers.linkedActions(id));
    }
  }

  @Transactional
  public void unlink(CouncilSlug council, UUID id, UUID actionId) {
    PlanDriver driver = require(id);
    if (drivers.unlink(id, actionId) == 1) {
      audit.record(RECORD_TYPE, id, "ACTION_UNLINKED", Map.of("actionId", actionId), null);
      announce(council, driver, drivers.linkedActions(id));
    }
  }

  /** The driver as it now stands, with every action that answers it. */
  private void announce(CouncilSlug council, PlanDriver driver, List<UUID> linked) {
    outbox.append(
        DriverSaved.TOPIC,
        council,
        DriverSaved.TYPE,
        1,
        driver.id().toString(),
        new DriverSaved(
            driver.id(),
            driver.programmeId(),
            driver.kind().name(),
            driver.ref(),
            driver.text(),
            driver.timeframe() == null ? null : driver.timeframe().name(),
            List.copyOf(linked)));
  }

  @Transactional
  public List<DriverView> register() {
    return drivers.register().stream()
        .map(d -> DriverView.of(d, drivers.linkedActions(d.id())))
        .toList();
  }

  @Transactional
  public DriverView view(UUID id) {
    return DriverView.of(require(id), drivers.linkedActions(id));
  }

  @Transactional
  public DriverCoverage coverage() {
    List<DriverCoverage.DriverRow> all = drivers.coverage();
    return new DriverCoverage(
        all.stream().filter(row -> row.actions() == 0).toList(),
        drivers.actionsWithoutDrivers(),
        all);
  }

  private PlanDriver require(UUID id) {
    return drivers.findById(id).orElseThrow(() -> ProblemException.notFound("Driver " + id));
  }
}
