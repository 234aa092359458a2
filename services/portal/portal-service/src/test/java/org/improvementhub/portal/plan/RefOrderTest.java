package org.improvementhub.portal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefOrderTest {

  @Test
  void refsSortAsPeopleReadThem() {
    List<String> refs = new ArrayList<>(List.of("2.10", "10.1", "2.9", "2.1.3", "2", "A.2", "2.1"));

    refs.sort(new RefOrder());

    assertThat(refs).containsExactly("2", "2.1", "2.1.3", "2.9", "2.10", "10.1", "A.2");
  }
}
