package org.improvementhub.tenancy.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CouncilSlugTest {

  @Test
  void aSlugBecomesItsSchemaNameAndBack() {
    CouncilSlug westSussex = CouncilSlug.of("west-sussex");
    assertThat(westSussex.schemaName()).isEqualTo("council_west_sussex");
    assertThat(CouncilSlug.fromSchemaName("council_west_sussex")).contains(westSussex);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a",
        "Walsall",
        "1walsall",
        "-walsall",
        "walsall_council",
        "walsall; drop schema tenancy",
        "wal\"sall",
        "a-very-long-council-name-that-goes-on-and-on-and-on"
      })
  void anythingButTheRuleIsRefused(String bad) {
    assertThat(CouncilSlug.isValid(bad)).isFalse();
    assertThat(CouncilSlug.parse(bad)).isEmpty();
    assertThatThrownBy(() -> CouncilSlug.of(bad))
        .isInstanceOf(InvalidCouncilSlugException.class)
        .hasMessageContaining("not a valid council slug");
  }

  @Test
  void nullIsRefused() {
    assertThat(CouncilSlug.isValid(null)).isFalse();
  }

  @Test
  void schemasThatAreNotCouncilsAreNotSlugs() {
    assertThat(CouncilSlug.fromSchemaName("tenancy")).isEmpty();
    assertThat(CouncilSlug.fromSchemaName("council_")).isEmpty();
    assertThat(CouncilSlug.fromSchemaName(null)).isEmpty();
  }

  @Test
  void theCouncilSegmentIsReadFromCouncilPathsOnly() {
    assertThat(CouncilPaths.councilSegment("/councils/walsall/actions/1")).contains("walsall");
    assertThat(CouncilPaths.councilSegment("/councils/walsall")).contains("walsall");
    assertThat(CouncilPaths.councilSegment("/councils")).isEmpty();
    assertThat(CouncilPaths.councilSegment("/health")).isEmpty();
  }
}
