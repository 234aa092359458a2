package org.improvementhub.measures.link;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.improvementhub.measures.measure.MeasureUnit;
import org.improvementhub.measures.measure.MeasureView;
import org.improvementhub.measures.status.Polarity;

/** How links are shown: each side with what a board needs to judge it at a glance. */
public final class LinkViews {

  private LinkViews() {}

  /** An action (with its RAG) or plan item as measures last heard of it. */
  @Serdeable
  public record PlanRecordView(
      String kind,
      UUID id,
      String ref,
      String title,
      @Nullable String ragStatus,
      @Nullable LocalDate completedOn,
      @Nullable String levelName) {
    static PlanRecordView of(PlanRecord record) {
      return new PlanRecordView(
          record.kind().pathName(),
          record.id(),
          record.ref(),
          record.title(),
          record.ragStatus(),
          record.completedOn(),
          record.levelName());
    }
  }

  /** A measure with its latest status and trend ({@code current} is null before any value). */
  @Serdeable
  public record MeasureSummary(
      UUID id,
      String name,
      MeasureUnit unit,
      Polarity polarity,
      @Nullable MeasureView.Current current) {
    static MeasureSummary of(MeasureView measure) {
      return new MeasureSummary(
          measure.id(), measure.name(), measure.unit(), measure.polarity(), measure.current());
    }
  }

  /** One link seen from the measure: the plan record at its other end. */
  @Serdeable
  public record LinkedRecord(PlanRecordView record, String linkedBy, Instant linkedAt) {}

  /** One link seen from the plan record: the measure at its other end. */
  @Serdeable
  public record LinkedMeasure(MeasureSummary measure, String linkedBy, Instant linkedAt) {}

  /**
   * {@code GET …/measures/{id}/links}: the measure beside every action and item it is linked to.
   */
  @Serdeable
  public record MeasureLinksView(
      MeasureSummary measure, @JsonInclude(JsonInclude.Include.ALWAYS) List<LinkedRecord> links) {}

  /**
   * {@code GET …/measure-links?action=}: the action (null while measures has not heard of it)
   * beside every measure linked to it.
   */
  @Serdeable
  public record RecordLinksView(
      @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable PlanRecordView record,
      @JsonInclude(JsonInclude.Include.ALWAYS) List<LinkedMeasure> measures) {}
}
