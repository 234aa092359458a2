package org.improvementhub.portal.signin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.Map;
import org.improvementhub.portal.page.FormErrors;
import org.improvementhub.portal.page.Pages;
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.services.InvalidAtService;
import org.improvementhub.portal.services.TooManyAttempts;
import org.improvementhub.portal.session.PortalSession;
import org.improvementhub.portal.session.Sessions;
import org.improvementhub.portal.session.SignInNeeded;

/** Signing in with email and password (the tenancy service's {@code /auth/login}), and out. */
@Controller(produces = MediaType.TEXT_HTML)
public class SignInController {

  private final Sessions sessions;
  private final Pages pages;
  private final HubServices services;
  private final TokenClaims claims;
  private final CouncilAccounts councilAccounts;
  private final BrowserAddress clientAddress;

  public SignInController(
      Sessions sessions,
      Pages pages,
      HubServices services,
      TokenClaims claims,
      CouncilAccounts councilAccounts,
      BrowserAddress clientAddress) {
    this.clientAddress = clientAddress;
    this.sessions = sessions;
    this.pages = pages;
    this.services = services;
    this.claims = claims;
    this.councilAccounts = councilAccounts;
  }

  /** The one address: people go to their own start page, or to sign in. */
  @Get
  public HttpResponse<?> start(HttpRequest<?> request) {
    return sessions
        .current(request)
        .filter(PortalSession::signedIn)
        .<HttpResponse<?>>map(s -> HttpResponse.seeOther(URI.create(s.person().home())))
        .orElseGet(() -> HttpResponse.seeOther(URI.create("/sign-in")));
  }

  @Get("/sign-in")
  public HttpResponse<?> form(HttpRequest<?> request) {
    PortalSession session = sessions.current(request).orElse(null);
    if (session != null && session.signedIn()) {
      return HttpResponse.seeOther(URI.create(session.person().home()));
    }
    if (session == null) {
      session = sessions.start();
    }
    MutableHttpResponse<ModelAndView<Map<String, Object>>> page =
        page(session, "", FormErrors.none());
    // after a session ended (timed out, too old, signed out): say so above the form
    boolean ended = "ended".equals(request.getParameters().get("session"));
    page.body().getModel().ifPresent(model -> model.put("sessionEnded", ended));
    return page.cookie(sessions.cookieFor(session));
  }

  @Post(value = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> signIn(HttpRequest<?> request, @Body Map<String, String> form) {
    PortalSession session = sessions.current(request).orElse(null);
    if (session == null) {
      // the anonymous session lapsed while the form was open: offer it again
      PortalSession fresh = sessions.start();
      return page(
              fresh,
              form.getOrDefault("email", ""),
              FormErrors.none()
                  .add("email", "email", "Your session timed out: enter your details again"))
          .cookie(sessions.cookieFor(fresh));
    }
    sessions.checkForm(session, form.get("csrf"));
    String email = form.getOrDefault("email", "").strip();
    String password = form.getOrDefault("password", "");
    FormErrors errors = FormErrors.none();
    if (email.isEmpty()) {
      errors.add("email", "email", "Enter your email address");
    }
    if (password.isEmpty()) {
      errors.add("password", "password", "Enter your password");
    }
    if (errors.any()) {
      return page(session, email, errors);
    }
    Map<String, Object> token;
    try {
      token = services.signIn(email, password, clientAddress.of(request));
    } catch (TooManyAttempts locked) {
      return page(session, email, FormErrors.none().add("email", "email", locked.getMessage()));
    } catch (SignInNeeded | InvalidAtService wrong) {
      return page(
          session,
          email,
          FormErrors.none().add("email", "email", "Enter a correct email address and password"));
    }
    PortalSession signedIn =
        sessions.signIn(session, claims.person(email, String.valueOf(token.get("access_token"))));
    return HttpResponse.seeOther(URI.create(signedIn.person().home()))
        .cookie(sessions.cookieFor(signedIn));
  }

  @Post(value = "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  public HttpResponse<?> signOut(HttpRequest<?> request, @Body Map<String, String> form) {
    PortalSession session = sessions.current(request).orElse(null);
    if (session != null) {
      sessions.checkForm(session, form.get("csrf"));
      sessions.end(session);
      if (session.signedIn() && session.person().providerSignOut() != null) {
        return CouncilSignInController.signOutAtProvider(pages, session.person())
            .cookie(sessions.expiredCookie());
      }
    }
    return HttpResponse.seeOther(URI.create("/signed-out")).cookie(sessions.expiredCookie());
  }

  @Get("/signed-out")
  public ModelAndView<Map<String, Object>> signedOut() {
    return new ModelAndView<>(
        "signed-out", pages.model((PortalSession) null, "You have signed out", null));
  }

  private MutableHttpResponse<ModelAndView<Map<String, Object>>> page(
      PortalSession session, String email, FormErrors errors) {
    Map<String, Object> model = pages.model(session, "Sign in", "sign-in");
    model.put("email", email);
    // beside password sign-in: the councils whose people may use their council's own account
    model.put("ssoCouncils", councilAccounts.offered());
    Pages.showErrors(model, errors);
    return HttpResponse.<ModelAndView<Map<String, Object>>>status(
            errors.any() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK)
        .body(new ModelAndView<>("sign-in", model));
  }
}
