package org.improvementhub.portal.services;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

/**
 * A file as a service served it: its status, content type, the name the browser saves it under (the
 * service's {@code Content-Disposition}) and its bytes. The portal passes it on unchanged: the
 * service, not the page, decides what the file is called and what it holds.
 */
public record ServiceFile(int status, String contentType, String disposition, byte[] content) {

  /** The file for the browser, exactly as the service gave it. */
  public HttpResponse<byte[]> toBrowser() {
    return HttpResponse.<byte[]>status(HttpStatus.valueOf(status))
        .body(content)
        .contentType(contentType)
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition);
  }
}
