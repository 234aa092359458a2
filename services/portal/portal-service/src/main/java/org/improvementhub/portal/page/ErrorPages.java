package org.improvementhub.portal.page;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.views.ModelAndView;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.improvementhub.portal.services.InvalidAtService;
import org.improvementhub.portal.services.NotFoundAtService;
import org.improvementhub.portal.services.RefusedAtService;
import org.improvementhub.portal.services.ServiceBusy;
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

  /** A service turned the call away as busy: "try again in a few seconds", status 503. */
  @Error(global = true, exception = ServiceBusy.class)
  public HttpResponse<ModelAndView<Map<String, Object>>> busy(
      HttpRequest<?> request, ServiceBusy failure) {
    LOG.info("{} {}: {}", request.getMethod(), request.getPath(), failure.getMessage());
    return HttpResponse.<ModelAndView<Map<String, Object>>>status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "5")
        .body(
            new ModelAndView<>(
                "errors/busy", pages.model(request, "Sorry, the service is busy", null)));
  }

  @Error(global = true, exception = ServiceUnavailable.class)
  public HttpResponse<ModelAndView<Map<String, Object>>> unavailable(
      HttpRequest<?> request, ServiceUnavailable failure) {
    LOG.warn("{} {}: {}", request.getMethod(), request.getPath(), failure.getMessage());
    return problem(request, HttpStatus.SERVICE_UNAVAILABLE);
  }

  /**
   * The router's own refusals (405 wrong method, 406 a type the page cannot be given as, 415 a body
   * of a type the form does not take), and any other status thrown: that status, on a page. Caught
   * by the catch-all below, they were 500s ({@code Accept: text/html} alone was one).
   */
  @Error(global = true, exception = HttpStatusException.class)
  public HttpResponse<ModelAndView<Map<String, Object>>> refusedByTheRouter(
      HttpRequest<?> request, HttpStatusException refused) {
    if (refused.getStatus().getCode() == HttpStatus.NOT_FOUND.getCode()) {
      return notFound(request);
    }
    if (refused.getStatus().getCode() >= 500) {
      LOG.error("{} {} failed", request.getMethod(), request.getPath(), refused);
      return problem(request, refused.getStatus());
    }
    Map<String, Object> model = pages.model(request, "This cannot be done", null);
    model.put("detail", explanation(refused.getStatus()));
    return HttpResponse.<ModelAndView<Map<String, Object>>>status(refused.getStatus())
        .body(new ModelAndView<>("errors/not-possible", model));
  }

  /**
   * A request the page cannot read: no form where one is needed (a body of a type that is not a
   * form, or none), a value of the wrong kind. A 400 page, not a 500.
   */
  @Error(global = true, exception = UnsatisfiedRouteException.class)
  public HttpResponse<ModelAndView<Map<String, Object>>> unreadable(HttpRequest<?> request) {
    Map<String, Object> model = pages.model(request, "This cannot be done", null);
    model.put("detail", explanation(HttpStatus.BAD_REQUEST));
    return HttpResponse.<ModelAndView<Map<String, Object>>>status(HttpStatus.BAD_REQUEST)
        .body(new ModelAndView<>("errors/not-possible", model));
  }

  /** A value of the wrong kind in the address or the form: as {@link #unreadable}. */
  @Error(global = true, exception = ConversionErrorException.class)
  public HttpResponse<ModelAndView<Map<String, Object>>> unconvertible(HttpRequest<?> request) {
    return unreadable(request);
  }

  /**
   * An address that cannot be read ({@code ?a=%zz}: a malformed escape), which fails before any
   * route when Micronaut makes the request's URI: as {@link #unreadable}. It was a 500 (found by
   * {@code PortalFuzzIT}).
   */
  @Error(global = true, exception = URISyntaxException.class)
  public HttpResponse<ModelAndView<Map<String, Object>>> unreadableAddress(HttpRequest<?> request) {
    return unreadable(request);
  }

  /**
   * A form body that cannot be decoded ({@code a=%%%}, a lone {@code %}): Netty refuses it while
   * the form is read; as {@link #unreadable}. It was a 500 (found by {@code PortalFuzzIT}).
   */
  @Error(global = true, exception = HttpPostRequestDecoder.ErrorDataDecoderException.class)
  public HttpResponse<ModelAndView<Map<String, Object>>> undecodableForm(HttpRequest<?> request) {
    return unreadable(request);
  }

  private static String explanation(HttpStatus status) {
    return switch (status) {
      case METHOD_NOT_ALLOWED -> "This page does not take that kind of request.";
      case NOT_ACCEPTABLE -> "This page can only be shown as a web page (text/html).";
      case UNSUPPORTED_MEDIA_TYPE -> "The form was sent in a way this page does not take.";
      default -> "The request could not be understood.";
    };
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
