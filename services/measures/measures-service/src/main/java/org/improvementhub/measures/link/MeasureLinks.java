package org.improvementhub.measures.link;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.improvementhub.measures.audit.MeasureAuditTrail;
import org.improvementhub.measures.measure.MeasureView;
import org.improvementhub.measures.measure.Measures;
import org.improvementhub.web.problem.Problem;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/**
 * Draws and removes links between a council's measures and its plan's actions and items.
 *
 * <p>A link may only name a record measures has heard of from the plans events: a record not (yet)
 * known answers 404 naming {@code planRecordId}. Plans publishes through its outbox within a second
 * of the change, so a caller that has just created the action retries; accepting unknown ids would
 * instead keep links to mistyped or deleted records that nothing ever cleans up.
 */
@Singleton
public class MeasureLinks {

  private final Measures measures;
  private final PlanRecordRepository records;
  private final MeasureLinkRepository links;
  private final Clock clock;
  private final MeasureAuditTrail audit;

  public MeasureLinks(
      Measures measures,
      PlanRecordRepository records,
      MeasureLinkRepository links,
      Clock clock,
      MeasureAuditTrail audit) {
    this.measures = measures;
    this.records = records;
    this.links = links;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * @return whether the link is new
   * @throws ProblemException 404 for an unknown measure, 404 naming {@code planRecordId} for a
   *     record of that kind measures does not know, 400 naming {@code kind}
   */
  @Transactional
  public boolean link(UUID measureId, String kind, UUID recordId, String linkedBy) {
    PlanRecord record = known(kindOf(kind), recordId, measureId);
    if (links.findByMeasureIdAndRecordId(measureId, record.id()).isPresent()) {
      return false;
    }
    MeasureLink saved =
        links.save(new MeasureLink(null, measureId, record.id(), linkedBy, clock.instant()));
    audit.record("measure-link", saved.id(), measureId, "LINKED", null, audited(saved, record));
    return true;
  }

  /**
   * @throws ProblemException 404 when there is no such link
   */
  @Transactional
  public void unlink(UUID measureId, String kind, UUID recordId) {
    PlanRecordKind wanted = kindOf(kind);
    measures.find(measureId).orElseThrow(() -> ProblemException.notFound("Measure " + measureId));
    MeasureLink link =
        links
            .findByMeasureIdAndRecordId(measureId, recordId)
            .filter(found -> records.findById(recordId).map(r -> r.kind() == wanted).orElse(false))
            .orElseThrow(() -> ProblemException.notFound("Link to " + kind + " " + recordId));
    links.delete(link);
    audit.record(
        "measure-link",
        link.id(),
        measureId,
        "UNLINKED",
        audited(link, records.findById(recordId).orElse(null)),
        null);
  }

  /** The link as the trail keeps it: which measure, which plan record (and its title), by whom. */
  private static Map<String, Object> audited(MeasureLink link, PlanRecord record) {
    Map<String, Object> audited = new LinkedHashMap<>();
    audited.put("measureId", link.measureId().toString());
    audited.put("kind", record == null ? null : record.kind().pathName());
    audited.put("planRecordId", link.recordId().toString());
    audited.put("ref", record == null ? null : record.ref());
    audited.put("title", record == null ? null : record.title());
    audited.put("linkedBy", link.linkedBy());
    audited.put("linkedAt", link.linkedAt().toString());
    return audited;
  }

  @Transactional
  public LinkViews.MeasureLinksView linksOf(UUID measureId) {
    MeasureView measure = measures.view(measureId);
    List<LinkViews.LinkedRecord> linked =
        links.findByMeasureIdOrderByLinkedAt(measureId).stream()
            .flatMap(
                link ->
                    records.findById(link.recordId()).stream()
                        .map(
                            record ->
                                new LinkViews.LinkedRecord(
                                    LinkViews.PlanRecordView.of(record),
                                    link.linkedBy(),
                                    link.linkedAt())))
            .toList();
    return new LinkViews.MeasureLinksView(LinkViews.MeasureSummary.of(measure), linked);
  }

  /** The record and the measures linked to it; an unknown record has none. */
  @Transactional
  public LinkViews.RecordLinksView measuresLinkedTo(PlanRecordKind kind, UUID recordId) {
    PlanRecord record = records.findById(recordId).filter(r -> r.kind() == kind).orElse(null);
    if (record == null) {
      return new LinkViews.RecordLinksView(null, List.of());
    }
    List<LinkViews.LinkedMeasure> linked =
        links.findByRecordIdOrderByLinkedAt(recordId).stream()
            .map(
                link ->
                    new LinkViews.LinkedMeasure(
                        LinkViews.MeasureSummary.of(measures.view(link.measureId())),
                        link.linkedBy(),
                        link.linkedAt()))
            .toList();
    return new LinkViews.RecordLinksView(LinkViews.PlanRecordView.of(record), linked);
  }

  private PlanRecord known(PlanRecordKind kind, UUID recordId, UUID measureId) {
    measures.find(measureId).orElseThrow(() -> ProblemException.notFound("Measure " + measureId));
    return records
        .findById(recordId)
        .filter(record -> record.kind() == kind)
        .orElseThrow(
            () -> {
              String detail = "No " + kind.pathName() + " " + recordId + " is known to measures";
              ProblemType type = ProblemType.NOT_FOUND;
              return new ProblemException(
                  new Problem(
                      Problem.TYPE_PREFIX + type.slug(),
                      type.title(),
                      type.status(),
                      detail + " (yet: plans announces a new one within seconds)",
                      null,
                      List.of(new Problem.FieldError("planRecordId", detail))));
            });
  }

  static PlanRecordKind kindOf(String kind) {
    return PlanRecordKind.fromPath(kind)
        .orElseThrow(() -> ProblemException.invalidField("kind", "must be action or item"));
  }
}
