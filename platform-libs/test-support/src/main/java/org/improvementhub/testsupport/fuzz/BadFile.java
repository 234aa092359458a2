package org.improvementhub.testsupport.fuzz;

import java.net.http.HttpRequest;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;

/** A CSV or XLSX file made from a valid one with something wrong, and what was done to it. */
public record BadFile(String mutation, String contentType, byte[] bytes) {

  public static final String CSV = "text/csv";
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** Posts this file as the raw body of an import to {@code path}. */
  public ApiResponse postTo(HubApi api, String path, String token) {
    return api.send(
        api.request(path, token)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
  }

  @Override
  public String toString() {
    return mutation + " [" + contentType + ", " + bytes.length + " bytes]";
  }
}
