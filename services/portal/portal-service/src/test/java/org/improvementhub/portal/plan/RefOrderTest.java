package org.improvementhub.portal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RefOrderTest {

  @Test
  void refsSortAsPeopleReadThem() {
    List<String> refs = new ArrayList<>(List.of("2.10", "10.1", "2.9", "2.1.3", "2", "A.2", "2.1"));

    refs.sort(new RefOrder());

    assertThat(refs).containsExactly("2", "2.1", "2.1.3", "2.9", "2.10", "10.1", "A.2");
  }

  @Test
  void rowsSortedByTheirRefsTakenApartOnceComeInTheComparatorsOrder() {
    List<String> refs =
        List.of(
            "2.10",
            "OR 13",
            "10.1",
            "2.9",
            "2-1",
            "",
            "2..1",
            ".5",
            "1234567890.1",
            "2.10a",
            "2",
            "IN 3.1",
            "A.2",
            "2.1",
            "9.99",
            "2.1.3");
    List<Map.Entry<String, Integer>> rows = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      rows.add(Map.entry(refs.get(i), i));
    }
    List<String> expected = new ArrayList<>(refs);
    expected.sort(new RefOrder());

    List<Map.Entry<String, Integer>> sorted = RefOrder.sorted(rows, Map.Entry::getKey);

    assertThat(sorted.stream().map(Map.Entry::getKey).toList()).isEqualTo(expected);
    assertThat(sorted.stream().map(Map.Entry::getValue).toList())
        .as("every row kept, none twice")
        .containsExactlyInAnyOrderElementsOf(rows.stream().map(Map.Entry::getValue).toList());
    assertThat(RefOrder.sorted(List.<String>of(), Function.identity())).isEmpty();
  }
}
