package org.improvementhub.testsupport.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;

/**
 * Reads the newest entry of a service's audit trail. Every service's trail answers the same shape:
 * {@code {"items":[{"occurredAt","actor","recordType","recordId","change","before","after"}],
 * "total"}}, newest first.
 */
@FunctionalInterface
public interface AuditTrailPage {

  /** The trail's first page of one entry: {@code total} and the newest entry in {@code items}. */
  JsonNode newest();

  /** {@code GET path?size=1} on {@code api} with {@code token}. */
  static AuditTrailPage at(HubApi api, String path, String token) {
    return () -> {
      ApiResponse answer = api.get(path + (path.contains("?") ? "&" : "?") + "size=1", token);
      if (answer.status() != 200) {
        throw new AssertionError("GET " + path + " answered " + answer.status() + ": " + answer);
      }
      return answer.json();
    };
  }
}
