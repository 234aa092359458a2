package org.improvementhub.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultipartBoundaryTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "multipart/form-data; boundary=",
        "multipart/form-data; boundary=\"\"",
        "multipart/form-data; boundary=\"",
        "multipart/form-data; boundary=\"abc",
        "Multipart/Form-Data;BOUNDARY= ",
      })
  void anEmptyOrUnclosedBoundaryIsRefused(String contentType) {
    assertThat(MultipartBoundary.isUsable(contentType)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "multipart/form-data; boundary=abc",
        "multipart/form-data; boundary=\"a b\"",
        "multipart/form-data",
        "application/json",
        "text/csv; boundary=",
      })
  void anyOtherTypeGoesThrough(String contentType) {
    assertThat(MultipartBoundary.isUsable(contentType)).isTrue();
  }
}
