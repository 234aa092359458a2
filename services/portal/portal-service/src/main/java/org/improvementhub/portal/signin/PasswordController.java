package org.improvementhub.portal.signin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.Map;
import org.improvementhub.portal.page.FormErrors;
import org.improvementhub.portal.page.FormField;
import org.improvementhub.portal.page.Pages;
import org.improvementhub.portal.page.ServiceErrors;
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.services.InvalidAtService;
import org.improvementhub.portal.services.TooManyAttempts;
import org.improvementhub.portal.session.PortalSession;
import org.improvementhub.portal.session.Sessions;
import org.improvementhub.portal.session.SignInNeeded;

/**
 * "Change your password" for whoever is signed in, whatever their role: the current password and
 * the new one (GOV.UK's password pattern: no second copy to type), checked by tenancy ({@code POST
 * /auth/password}), whose refusals appear in the error summary against their field. The session
 * goes on afterwards; the person's other sessions last until their token expires (an hour).
 */
@Controller(value = "/account/password", produces = MediaType.TEXT_HTML)
public class PasswordController {

  private static final FormField CURRENT = FormField.of("currentPassword", "Current password");
  private static final FormField NEW = FormField.of("newPassword", "New password");
  private static final ServiceErrors REFUSALS =
      ServiceErrors.against(NEW).field(CURRENT).field(NEW);

  private final Sessions sessions;
  private final Pages pages;
  private final HubServices services;
  private final BrowserAddress browserAddress;

  public PasswordController(
      Sessions sessions, Pages pages, HubServices services, BrowserAddress browserAddress) {
    this.sessions = sessions;
    this.pages = pages;
    this.services = services;
    this.browserAddress = browserAddress;
  }

  @Get
  public HttpResponse<ModelAndView<Map<String, Object>>> form(HttpRequest<?> request) {
    PortalSession session = signedIn(request);
    boolean changed = "true".equals(request.getParameters().get("changed"));
    return page(session, FormErrors.none(), changed);
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> change(HttpRequest<?> request, @Body Map<String, String> form) {
    PortalSession session = sessions.signedInForm(request, form.get("csrf"));
    String current = form.getOrDefault("currentPassword", "");
    String next = form.getOrDefault("newPassword", "");
    FormErrors errors = FormErrors.none();
    if (current.isEmpty()) {
      errors.add(CURRENT.name(), CURRENT.inputId(), "Enter your current password");
    }
    if (next.isEmpty()) {
      errors.add(NEW.name(), NEW.inputId(), "Enter a new password");
    }
    if (errors.any()) {
      return page(session, errors, false);
    }
    try {
      services.changePassword(
          session.person().accessToken(), current, next, browserAddress.of(request));
    } catch (TooManyAttempts locked) {
      return page(
          session,
          FormErrors.none().add(CURRENT.name(), CURRENT.inputId(), locked.getMessage()),
          false);
    } catch (InvalidAtService refused) {
      return page(session, REFUSALS.of(refused), false);
    }
    return HttpResponse.seeOther(URI.create("/account/password?changed=true"));
  }

  private PortalSession signedIn(HttpRequest<?> request) {
    return sessions.current(request).filter(PortalSession::signedIn).orElseThrow(SignInNeeded::new);
  }

  private HttpResponse<ModelAndView<Map<String, Object>>> page(
      PortalSession session, FormErrors errors, boolean changed) {
    Map<String, Object> model = pages.model(session, "Change your password", null);
    model.put("changed", changed);
    Pages.showErrors(model, errors);
    return HttpResponse.<ModelAndView<Map<String, Object>>>status(
            errors.any() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK)
        .body(new ModelAndView<>("password", model));
  }
}
