package org.improvementhub.oversight.summary;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.improvementhub.oversight.tally.ReadModelVersion;
import org.improvementhub.oversight.tally.ReportingDay;

/**
 * The side-by-side dashboard as JSON, prepared once per read-model version and day for each scope,
 * sort and filter asked for: twenty observers reading an unchanged read model share one answer
 * instead of each reading and writing it again. The version moves in the same transaction as any
 * change the dashboard shows, so a prepared answer is never older than what it claims to be.
 */
@Singleton
public class PreparedDashboards {

  /** Beyond this many scope/sort/filter combinations, start again rather than grow. */
  private static final int MOST_KEPT = 256;

  private static final Argument<List<CouncilSummary>> SUMMARIES =
      Argument.listOf(CouncilSummary.class);

  private final CouncilSummaries summaries;
  private final ReadModelVersion version;
  private final ReportingDay day;
  private final JsonMapper json;
  private final Map<Question, Answer> answers = new ConcurrentHashMap<>();

  public PreparedDashboards(
      CouncilSummaries summaries, ReadModelVersion version, ReportingDay day, JsonMapper json) {
    this.summaries = summaries;
    this.version = version;
    this.day = day;
    this.json = json;
  }

  private record Question(ObserverScope scope, String sort, String status) {}

  private record Answer(long version, LocalDate day, byte[] body) {}

  /**
   * @param sort {@code name}, {@code red}, {@code overdue} or {@code stale}
   * @param status only councils with this status, or null for all
   */
  public byte[] sideBySide(ObserverScope scope, String sort, String status) {
    // read before the summaries: the answer is at least as new as the version it is kept under
    long current = version.current();
    LocalDate today = day.today();
    Question question = new Question(scope, sort, status);
    Answer kept = answers.get(question);
    if (kept != null && kept.version() == current && kept.day().equals(today)) {
      return kept.body();
    }
    List<CouncilSummary> shown =
        summaries.inScope(scope).stream()
            .filter(summary -> status == null || summary.status().equals(status))
            .sorted(order(sort))
            .toList();
    byte[] body;
    try {
      body = json.writeValueAsBytes(SUMMARIES, shown);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (answers.size() >= MOST_KEPT) {
      answers.clear();
    }
    answers.put(question, new Answer(current, today, body));
    return body;
  }

  private static Comparator<CouncilSummary> order(String sort) {
    Comparator<CouncilSummary> byName = Comparator.comparing(CouncilSummary::council);
    return switch (sort) {
      case "red" ->
          Comparator.comparingLong((CouncilSummary s) -> -s.countOf("RED")).thenComparing(byName);
      case "overdue" ->
          Comparator.comparingLong((CouncilSummary s) -> -s.overdue()).thenComparing(byName);
      case "stale" ->
          Comparator.comparing(
                  (CouncilSummary s) -> s.lastUpdate() == null ? Instant.MIN : s.lastUpdate())
              .thenComparing(byName);
      default -> byName;
    };
  }
}
