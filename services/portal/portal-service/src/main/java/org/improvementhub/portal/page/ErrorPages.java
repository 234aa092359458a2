package org.improvementhub.portal.page;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.Map;
import org.improvementhub.portal.services.InvalidAtService;
import org.improvementhub.portal.services.NotFoundAtService;
import org.improvementhub.portal.services.RefusedAtService;
import org.improvementhub.portal.services.ServiceUnavailable;
import org.improvementhub.portal.session.FormRejected;
import org.improvementhub.portal.session.Sessions;
import org.improvementhub.portal.session.SignInNeeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure as a GOV.UK page, never a stack trace: not found (also for another council's
 * address, which the services answer 404), refused, cannot be done (a service's refusal outside a
 * form), sign in again, and "sorry, there is a problem".
 */
@Controller
public class ErrorPages {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

  private final Pages pages;
  private final Sessions sessions;

  public ErrorPages(Pages pages, Sessions sessions) {
    this.sessions = sessions;
    this.pages = pages;
  }

  @Error(global = true, status = HttpStatus.NOT_FOUND)
  public HttpResponse<ModelAndView<Map<String, Object>>> unknownAddress(HttpRequest<?> request) {
    return notFound(request);
  }

  @Error(global = true, exception = NotFoundAtService.class)
  public HttpResponse<ModelAndView<Map<String, Object>>> notFoundAtService(HttpRequest<?> request) {
    return notFound(request);
  }

  @Error(global = true, exception = RefusedAtService.class)
  public HttpResponse<ModelAndView<Map<String, Object>>> refused(HttpRequest<?> request) {
    return HttpResponse.<ModelAndView<Map<String, Object>>>status(HttpStatus.FORBIDDEN)
        .body(
            new ModelAndView<>(
                "errors/refused", pages.model(request, "You cannot change this", null)));
  }

  /**
   * A service refused a request that is not a form's (a download, a confirmation): its own detail
   * and status, since no error summary stands ready to show it.
   */
  @Error(global = true, exception = InvalidAtService.class)
  public HttpResponse<ModelAndView<Map<String, Object>>> notPossible(
      HttpRequest<?> request, InvalidAtService refused) {
    Map<String, Object> model = pages.model(request, "This cannot be done", null);
    model.put("detail", refused.getMessage());
    return HttpResponse.<ModelAndView<Map<String, Object>>>status(
            HttpStatus.valueOf(refused.status()))
        .body(new ModelAndView<>("errors/not-possible", model));
  }

  @Error(global = true, exception = FormRejected.class)
  public HttpResponse<ModelAndView<Map<String, Object>>> formRejected(HttpRequest<?> request) {
    return HttpResponse.<ModelAndView<Map<String, Object>>>status(HttpStatus.FORBIDDEN)
        .body(
            new ModelAndView<>(
                "errors/form-expired", pages.model(request, "The form has expired", null)));
  }

  @Error(global = true, exception = SignInNeeded.class)
  public HttpResponse<?> signIn(HttpRequest<?> request) {
    // a cookie without a live session: it timed out or was signed out, and the page says so
    return HttpResponse.seeOther(
        URI.create(sessions.ended(request) ? "/sign-in?session=ended" : "/sign-in"));
  }

  @Error(global = true, exception = ServiceUnavailable.class)
  public HttpResponse<ModelAndView<Map<String, Object>>> unavailable(
      HttpRequest<?> request, ServiceUnavailable failure) {
    LOG.warn("{} {}: {}", request.getMethod(), request.getPath(), failure.getMessage());
    return problem(request, HttpStatus.SERVICE_UNAVAILABLE);
  }

  @Error(global = true)
  public HttpResponse<ModelAndView<Map<String, Object>>> anythingElse(
      HttpRequest<?> request, Throwable failure) {
    LOG.error("{} {} failed", request.getMethod(), request.getPath(), failure);
    return problem(request, HttpStatus.INTERNAL_SERVER_ERROR);
  }

  private HttpResponse<ModelAndView<Map<String, Object>>> notFound(HttpRequest<?> request) {
    return HttpResponse.<ModelAndView<Map<String, Object>>>status(HttpStatus.NOT_FOUND)
        .body(new ModelAndView<>("errors/not-found", pages.model(request, "Page not found", null)));
  }

  private HttpResponse<ModelAndView<Map<String, Object>>> problem(
      HttpRequest<?> request, HttpStatus status) {
    return HttpResponse.<ModelAndView<Map<String, Object>>>status(status)
        .body(
            new ModelAndView<>(
                "errors/problem",
                pages.model(request, "Sorry, there is a problem with the service", null)));
  }
}
