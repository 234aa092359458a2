package org.improvementhub.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemErrorResponseProcessorTest {

  @Test
  void parserMessagesLoseJavaTypeNamesAndSourceExcerpts() {
    String cleaned =
        ProblemErrorResponseProcessor.cleanParserMessage(
            "Cannot deserialize value of type java.time.LocalDate from String \"31/03/2030\""
                + " at [Source: (byte[])\"{...}\"; line: 1, column: 3]");
    assertThat(cleaned).doesNotContain("java.time").doesNotContain("Source").contains("31/03/2030");
  }

  @Test
  void anEmptyMessageStillSaysSomething() {
    assertThat(ProblemErrorResponseProcessor.cleanParserMessage(" "))
        .isEqualTo("The request body could not be read");
  }

  @Test
  void eachStatusHasAStableType() {
    assertThat(ProblemType.forStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
    assertThat(ProblemType.forStatus(413)).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
    assertThat(ProblemType.forStatus(400)).isEqualTo(ProblemType.MALFORMED_REQUEST);
    assertThat(ProblemType.forStatus(502)).isEqualTo(ProblemType.INTERNAL);
    assertThat(Problem.of(ProblemType.CONFLICT, "x").type())
        .isEqualTo("https://improvementhub.org/problems/conflict");
  }
}
