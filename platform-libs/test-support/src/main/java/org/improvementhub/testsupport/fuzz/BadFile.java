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

  /**
   * Posts this file as the {@code part} part of a {@code multipart/form-data} form, as a browser
   * uploads it, named {@code fileName}.
   */
  public ApiResponse postAsFormTo(
      HubApi api, String path, String token, String part, String fileName) {
    String boundary = "fuzz-form-boundary";
    java.io.ByteArrayOutputStream form = new java.io.ByteArrayOutputStream();
    form.writeBytes(
        ("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                + "Content-Type: %s\r\n\r\n")
            .formatted(boundary, part, fileName, contentType)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    form.writeBytes(bytes);
    form.writeBytes(
        ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return api.send(
        api.request(path, token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())));
  }

  @Override
  public String toString() {
    return mutation + " [" + contentType + ", " + bytes.length + " bytes]";
  }
}
