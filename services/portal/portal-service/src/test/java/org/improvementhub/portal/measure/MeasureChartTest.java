package org.improvementhub.portal.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasureChartTest {

  @Test
  void aGapInTheValuesStartsANewStrokeAndComparatorsFollowTheirYear() {
    List<Map<String, Object>> points =
        List.of(
            Map.of("period", "2013-11", "value", 40, "target", 50),
            Map.of("period", "2013-12", "target", 50),
            Map.of("period", "2014-01", "value", 60, "target", 90));
    List<Map<String, Object>> comparators =
        List.of(Map.of("year", 2014, "england", 70, "statisticalNeighbours", 65));

    List<MeasureChart.Period> periods = MeasureChart.periods(points, comparators);
    MeasureChart chart = MeasureChart.of(periods, "PERCENT");

    assertThat(periods.get(2).england()).isEqualByComparingTo(new BigDecimal(70));
    assertThat(periods.get(0).england()).isNull();
    MeasureChart.Line values =
        chart.lines().stream().filter(l -> l.style().equals("value")).findFirst().orElseThrow();
    assertThat(values.path()).startsWith("M").contains(" M").doesNotContain(" L");
    assertThat(chart.dots()).hasSize(2);
    assertThat(chart.lines())
        .extracting(MeasureChart.Line::style)
        .containsExactly("value", "target", "england", "neighbours");
    // 90 * 1.1 rounds up to 100, the most a percentage can be: the top tick is 100%
    assertThat(chart.yTicks().get(4).label()).isEqualTo("100%");
    assertThat(chart.yTicks().get(4).at()).isEqualTo(MeasureChart.TOP);
  }

  @Test
  void aValueFormNamesEachFieldItsProblemIsIn() {
    ValueForm form = new ValueForm("2014-13", "lots", "3", "", "");

    assertThat(form.check().all()).extracting(e -> e.field()).containsExactly("period", "value");
    assertThat(new ValueForm("2014-04", "", "3", "4", "").check().any()).isFalse();
    assertThat(new ValueForm("2014-04", "", "", "", "").check().message("value"))
        .isEqualTo("Enter the value, or both the numerator and the denominator");
  }

  @Test
  void figuresReadAsPeopleWriteThem() {
    assertThat(Figures.text(new BigDecimal("87.50"), "PERCENT")).isEqualTo("87.5%");
    assertThat(Figures.text(new BigDecimal("12"), "DAYS")).isEqualTo("12 days");
    assertThat(Figures.text(null, "COUNT")).isEmpty();
    assertThat(Figures.month("2014-03")).isEqualTo("March 2014");
  }
}
