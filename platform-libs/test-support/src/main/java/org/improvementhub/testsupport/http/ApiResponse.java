package org.improvementhub.testsupport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** What a service answered. */
public record ApiResponse(int status, String contentType, String location, String body) {

  private static final ObjectMapper JSON = new ObjectMapper();

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
