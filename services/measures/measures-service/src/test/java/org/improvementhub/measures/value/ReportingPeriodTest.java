package org.improvementhub.measures.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.improvementhub.web.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportingPeriodTest {

  @ParameterizedTest
  @ValueSource(strings = {"2024-03", "2000-01", "2019-12"})
  void readsAMonthWrittenYearDashMonth(String written) {
    ReportingPeriod period = ReportingPeriod.parse(written);
    assertThat(period.toString()).isEqualTo(written);
    assertThat(period.firstDay()).isEqualTo(YearMonth.parse(written).atDay(1));
    assertThat(ReportingPeriod.startingOn(period.firstDay())).isEqualTo(period);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-13",
        "2024-00",
        "2024-3",
        "24-03",
        "2024/03",
        "2024-03-01",
        "March 2024",
        " 2024-03",
        "1999-12",
        "0224-03",
        ""
      })
  void refusesAnythingElseNamingThePeriod(String written) {
    assertThatThrownBy(() -> ReportingPeriod.parse(written))
        .isInstanceOfSatisfying(
            ProblemException.class,
            problem -> {
              assertThat(problem.problem().status()).isEqualTo(400);
              assertThat(problem.problem().errors())
                  .singleElement()
                  .satisfies(error -> assertThat(error.field()).isEqualTo("period"));
            });
  }

  @org.junit.jupiter.api.Test
  void ordersByMonth() {
    assertThat(ReportingPeriod.parse("2024-02")).isLessThan(ReportingPeriod.parse("2024-10"));
    assertThat(ReportingPeriod.startingOn(LocalDate.of(2025, 1, 1)).isAfter(YearMonth.of(2024, 12)))
        .isTrue();
  }
}
