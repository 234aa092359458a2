package org.improvementhub.testsupport.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One write to perform: the request, optionally who sends it (a token other than the run's, and the
 * actor the audit entry must then name), and optionally the trail it is recorded in when that is
 * not the run's (a service's platform-wide trail beside its councils' trail).
 */
public record AuditedWrite(
    HttpMethod method,
    String path,
    String contentType,
    byte[] body,
    @Nullable String token,
    @Nullable String actor,
    @Nullable AuditTrailPage trail) {

  private static final String JSON = "application/json";

  /** A JSON body ({@code ""} for none), sent with the run's token. */
  public static AuditedWrite json(HttpMethod method, String path, String json) {
    return new AuditedWrite(
        method, path, JSON, json.getBytes(StandardCharsets.UTF_8), null, null, null);
  }

  /** A body of any type, sent with the run's token. */
  public static AuditedWrite of(HttpMethod method, String path, String contentType, byte[] body) {
    return new AuditedWrite(method, path, contentType, body, null, null, null);
  }

  /** A {@code multipart/form-data} POST of one file in the part named {@code file}. */
  public static AuditedWrite multipart(String path, String fileName, String type, byte[] content) {
    String boundary = "audit-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return of(
        HttpMethod.POST, path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  /** The same write sent by someone else: {@code token}, whose subject is {@code actor}. */
  public AuditedWrite by(String token, String actor) {
    return new AuditedWrite(method, path, contentType, body, token, actor, trail);
  }

  /** The same write, recorded in {@code otherTrail} rather than the run's trail. */
  public AuditedWrite recordedIn(AuditTrailPage otherTrail) {
    return new AuditedWrite(method, path, contentType, body, token, actor, otherTrail);
  }
}
