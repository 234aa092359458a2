package org.improvementhub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.improvementhub.web.problem.Problem;
import org.improvementhub.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

  @Test
  void noParametersIsTheFirstPageOfFiftyUnfiltered() {
    AuditQuery query = AuditQuery.of(null, null);
    assertThat(query)
        .isEqualTo(new AuditQuery(0, AuditQuery.DEFAULT_SIZE, null, null, null, null, null));
    assertThat(query.offset()).isZero();
  }

  @Test
  void blankFiltersFilterNothingAndTheOthersAreStripped() {
    AuditQuery query = AuditQuery.of(3, 20, " action ", "  ", "\tlead@walsall.gov.uk");
    assertThat(query.recordType()).isEqualTo("action");
    assertThat(query.recordId()).isNull();
    assertThat(query.actor()).isEqualTo("lead@walsall.gov.uk");
    assertThat(query.offset()).isEqualTo(60);
  }

  @Test
  void daysAreWholeUkDaysFromTheFirstMomentOfFromToTheFirstMomentAfterTo() {
    // 30 March 2025: the clocks went forward in the night, so the next day starts at 23:00 UTC
    AuditQuery query =
        AuditQuery.of(
            null, null, null, null, null, LocalDate.of(2025, 1, 15), LocalDate.of(2025, 3, 30));
    assertThat(query.since()).isEqualTo(Instant.parse("2025-01-15T00:00:00Z"));
    assertThat(query.until()).isEqualTo(Instant.parse("2025-03-30T23:00:00Z"));
  }

  @Test
  void aPageBelowZeroIsAProblemNamingPage() {
    assertThat(fieldOf(() -> AuditQuery.of(-1, null))).isEqualTo("page");
  }

  @Test
  void aSizeOutsideOneToTwoHundredIsAProblemNamingSize() {
    assertThat(fieldOf(() -> AuditQuery.of(null, 0))).isEqualTo("size");
    assertThat(fieldOf(() -> AuditQuery.of(null, AuditQuery.MAX_SIZE + 1))).isEqualTo("size");
    assertThat(AuditQuery.of(null, AuditQuery.MAX_SIZE).size()).isEqualTo(AuditQuery.MAX_SIZE);
  }

  @Test
  void aToBeforeFromIsAProblemNamingTo() {
    assertThat(
            fieldOf(
                () ->
                    AuditQuery.of(
                        null,
                        null,
                        null,
                        null,
                        null,
                        LocalDate.of(2025, 2, 2),
                        LocalDate.of(2025, 2, 1))))
        .isEqualTo("to");
  }

  private static String fieldOf(ThrowingCallable asking) {
    Problem problem = catchThrowableOfType(ProblemException.class, asking).problem();
    assertThat(problem.errors()).hasSize(1);
    return problem.errors().get(0).field();
  }
}
