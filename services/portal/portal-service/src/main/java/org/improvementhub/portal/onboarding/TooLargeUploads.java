package org.improvementhub.portal.onboarding;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.views.ModelAndView;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.improvementhub.portal.page.Pages;

/**
 * A request too big for the portal: a Word plan or plan file over 5 MB, or any other form over 1
 * MB. The person sees a GOV.UK page saying how big a file may be and where to go back to, with 413,
 * instead of the server's bare refusal; nothing was sent to the services.
 */
@Controller(produces = MediaType.TEXT_HTML)
public class TooLargeUploads {

  private static final Pattern COUNCIL = Pattern.compile("^/councils/([a-z][a-z0-9-]{1,40})/.*");

  private final Pages pages;

  public TooLargeUploads(Pages pages) {
    this.pages = pages;
  }

  @Error(global = true, exception = ContentLengthExceededException.class)
  public HttpResponse<ModelAndView<Map<String, Object>>> tooLarge(HttpRequest<?> request) {
    boolean upload = UploadLimits.isUpload(request);
    Map<String, Object> model =
        pages.model(request, upload ? "The file is too large" : "What you sent is too large", null);
    model.put("upload", upload);
    Matcher council = COUNCIL.matcher(request.getPath());
    model.put("back", council.matches() ? request.getPath() : "/");
    model.put("council", council.matches() ? council.group(1) : "");
    return HttpResponse.<ModelAndView<Map<String, Object>>>status(
            HttpStatus.REQUEST_ENTITY_TOO_LARGE)
        .body(new ModelAndView<>("upload-too-large", model));
  }
}
