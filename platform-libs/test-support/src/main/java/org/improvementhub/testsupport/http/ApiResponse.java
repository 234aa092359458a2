package org.improvementhub.testsupport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a service answered.
 *
 * @param headers every header, names in lower case
 */
public record ApiResponse(
    int status,
    String contentType,
    String location,
    String body,
    Map<String, List<String>> headers) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public ApiResponse(int status, String contentType, String location, String body) {
    this(status, contentType, location, body, Map.of());
  }

  /** The header's first value, if the answer had it. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + body, e);
    }
  }

  public boolean isProblem() {
    return contentType.startsWith("application/problem+json");
  }
}
