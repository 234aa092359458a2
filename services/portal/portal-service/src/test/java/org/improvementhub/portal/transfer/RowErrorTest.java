package org.improvementhub.portal.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RowErrorTest {

  @Test
  void aCellProblemNamesItsRowAndColumn() {
    RowError error = RowError.of("rows[12].due_date", "must not be before the start date");

    assertThat(error.row()).isEqualTo("12");
    assertThat(error.column()).isEqualTo("due_date");
    assertThat(error.summary()).isEqualTo("Row 12, due_date: must not be before the start date");
  }

  @Test
  void aProblemWithTheWholeFileHasNoRow() {
    assertThat(RowError.of("file", "has no rows").summary()).isEqualTo("The file: has no rows");
    assertThat(RowError.of("columns", "must include record").summary())
        .isEqualTo("Column columns: must include record");
  }

  @Test
  void aCheckedFileIsImportedOnceAndOnlyByTheSessionThatCheckedIt() {
    PendingImports pending =
        new PendingImports(Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));
    PlanFile file = PlanFile.of("walsall", "plan.xlsx", new byte[] {1});
    assertThat(file.mediaType()).isEqualTo(PlanFile.XLSX);
    assertThat(PlanFile.of("walsall", "plan.pdf", new byte[] {1})).isNull();

    String id = pending.keep("session-a", file);

    assertThat(pending.take(id, "session-b", "walsall")).isEmpty();
    assertThat(pending.take(id, "session-a", "peterborough")).isEmpty();
    assertThat(pending.take(id, "session-a", "walsall")).isPresent();
    assertThat(pending.take(id, "session-a", "walsall")).isEmpty();
  }
}
