package org.improvementhub.plans.programme;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.improvementhub.plans.action.RagStatus;

/** A programme as the API shows it, with its periods and the council's RAG wording. */
@Serdeable
public record ProgrammeView(
    UUID id,
    String name,
    ProgrammeRequest.Trigger trigger,
    String improvementBoard,
    ReportingCadence reportingCadence,
    ProgrammeRequest.Contact programmeManager,
    List<String> levelNames,
    LocalDate startDate,
    LocalDate endDate,
    Map<RagStatus, String> ragDescriptions,
    List<ReportingPeriod> periods,
    Instant createdAt,
    Instant updatedAt) {

  public static ProgrammeView of(Programme p) {
    return new ProgrammeView(
        p.id(),
        p.name(),
        new ProgrammeRequest.Trigger(
            p.triggerKind(), p.triggerDate(), p.triggerJudgement(), p.triggerDescription()),
        p.improvementBoard(),
        p.reportingCadence(),
        new ProgrammeRequest.Contact(p.managerName(), p.managerEmail()),
        List.of(p.levelNames()),
        p.startDate(),
        p.endDate(),
        ragDescriptions(p),
        p.periods(),
        p.createdAt(),
        p.updatedAt());
  }

  /** The council's wording where it gave one, the standard wording otherwise. */
  public static Map<RagStatus, String> ragDescriptions(Programme p) {
    Map<RagStatus, String> words = new EnumMap<>(RagStatus.class);
    words.put(RagStatus.BLUE, orElse(p.blueMeans(), RagStatus.BLUE));
    words.put(RagStatus.GREEN, orElse(p.greenMeans(), RagStatus.GREEN));
    words.put(RagStatus.AMBER, orElse(p.amberMeans(), RagStatus.AMBER));
    words.put(RagStatus.RED, orElse(p.redMeans(), RagStatus.RED));
    words.put(RagStatus.GREY, orElse(p.greyMeans(), RagStatus.GREY));
    return words;
  }

  private static String orElse(String council, RagStatus rag) {
    return council == null || council.isBlank() ? rag.standardDescription() : council;
  }
}
