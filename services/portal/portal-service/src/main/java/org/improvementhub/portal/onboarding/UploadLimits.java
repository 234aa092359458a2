package org.improvementhub.portal.onboarding;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import java.util.regex.Pattern;

/**
 * How big a request may be. The server's own limit ({@code micronaut.server.max-request-size}) is
 * set for the Word plan upload, which is read whole so that a file over the plans API's 5 MB gets
 * the upload form's own error ({@link WordPlanController}); the plan file upload may send what the
 * plans API accepts plus the form, and every other form {@value #FORM_BYTES} bytes, refused here
 * before the body is read and shown by {@link TooLargeUploads} as a page, not a bare 413.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class UploadLimits {

  /** What a form other than an upload may send. */
  static final long FORM_BYTES = 1024 * 1024;

  /** What the plans API accepts for a document or a plan file. */
  static final long FILE_BYTES = 5L * 1024 * 1024;

  private static final Pattern UPLOADS =
      Pattern.compile("^/councils/[^/]+/(plan-documents|plan-files)/?$");
  private static final Pattern WORD_PLAN = Pattern.compile("^/councils/[^/]+/plan-documents/?$");

  @RequestFilter
  public void refuseLargeForms(HttpRequest<?> request) {
    long most =
        !isUpload(request)
            ? FORM_BYTES
            : isWordPlan(request) ? Long.MAX_VALUE : FILE_BYTES + FORM_BYTES;
    if (request.getContentLength() > most) {
      throw new ContentLengthExceededException(most, request.getContentLength());
    }
  }

  static boolean isUpload(HttpRequest<?> request) {
    return request.getMethod() == HttpMethod.POST && UPLOADS.matcher(request.getPath()).matches();
  }

  private static boolean isWordPlan(HttpRequest<?> request) {
    return WORD_PLAN.matcher(request.getPath()).matches();
  }
}
