package org.improvementhub.portal.signin;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.regex.Pattern;
import org.improvementhub.portal.page.FormErrors;
import org.improvementhub.portal.page.Pages;
import org.improvementhub.portal.services.HubService;
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.services.InvalidAtService;
import org.improvementhub.portal.services.NotFoundAtService;
import org.improvementhub.portal.services.RefusedAtService;
import org.improvementhub.portal.session.Person;
import org.improvementhub.portal.session.PortalSession;
import org.improvementhub.portal.session.Sessions;
import org.improvementhub.portal.session.SignInNeeded;

/**
 * Signing in with a council's own account (single sign-on). {@code /sign-in/{council}/sso} asks
 * tenancy to start the sign-in and sends the browser to the council's provider, remembering the
 * sign-in's state in a short-lived cookie; the provider sends the browser back to {@code
 * /sign-in/sso-callback}, where the state must be the cookie's (so nobody can finish a sign-in in
 * someone else's browser) before tenancy exchanges the code. The client secret, the PKCE verifier
 * and the nonce stay in tenancy. Tenancy's answer may carry the provider's sign-out address (with
 * the ID token as its hint), kept in the server-side session; signing out of the portal then sends
 * the person there, and the provider sends them back to {@code /signed-out}.
 */
@Controller(produces = MediaType.TEXT_HTML)
public class CouncilSignInController {

  static final String STATE_COOKIE = "hub_sso";
  private static final Pattern COUNCIL = Pattern.compile("^[a-z][a-z0-9-]{1,40}$");

  private final Sessions sessions;
  private final Pages pages;
  private final HubServices services;
  private final TokenClaims claims;
  private final CouncilAccounts councils;
  private final String callbackUrl;
  private final String signedOutUrl;
  private final boolean secureCookie;

  CouncilSignInController(
      Sessions sessions,
      Pages pages,
      HubServices services,
      TokenClaims claims,
      CouncilAccounts councils,
      @Value("${hub.portal.sso.callback-url}") String callbackUrl,
      @Value("${hub.portal.session.secure-cookie:true}") boolean secureCookie) {
    this.sessions = sessions;
    this.pages = pages;
    this.services = services;
    this.claims = claims;
    this.councils = councils;
    this.callbackUrl = callbackUrl;
    // the provider sends people back here after signing them out: the portal's own address
    this.signedOutUrl = URI.create(callbackUrl).resolve("/signed-out").toString();
    this.secureCookie = secureCookie;
  }

  @Get("/sign-in/{council}/sso")
  public HttpResponse<?> start(HttpRequest<?> request, @PathVariable String council) {
    PortalSession session = sessions.current(request).orElse(null);
    if (session != null && session.signedIn()) {
      return HttpResponse.seeOther(URI.create(session.person().home()));
    }
    if (!COUNCIL.matcher(council).matches()) {
      throw new NotFoundAtService("/sign-in/" + council + "/sso");
    }
    Map<String, Object> started =
        services.post(
            HubService.TENANCY,
            "/auth/sso/" + council + "/start",
            null,
            Map.of("redirectUri", callbackUrl));
    return HttpResponse.seeOther(URI.create(String.valueOf(started.get("authorizationUrl"))))
        .cookie(stateCookie(String.valueOf(started.get("state"))));
  }

  @Get("/sign-in/sso-callback")
  public HttpResponse<?> callback(
      HttpRequest<?> request,
      @Nullable @QueryValue String state,
      @Nullable @QueryValue String code,
      @Nullable @QueryValue String error) {
    String expected =
        request.getCookies().findCookie(STATE_COOKIE).map(Cookie::getValue).orElse("");
    PortalSession session = sessions.current(request).orElse(null);
    if (error != null) {
      return refused(session, "Your council's sign-in was cancelled or refused: try again");
    }
    if (state == null || code == null || expected.isEmpty() || !same(expected, state)) {
      return refused(session, "This sign-in was not started in this browser: start again");
    }
    Map<String, Object> token;
    try {
      token =
          services.post(
              HubService.TENANCY,
              "/auth/sso/callback",
              null,
              Map.of("state", state, "code", code, "postLogoutRedirectUri", signedOutUrl));
    } catch (SignInNeeded | RefusedAtService | InvalidAtService | NotFoundAtService wrong) {
      return refused(
          session,
          "Signing in with your council's account did not work: try again or ask your council's admin");
    }
    String accessToken = String.valueOf(token.get("access_token"));
    Object signOut = token.get("sign_out_url");
    PortalSession signedIn =
        sessions.signIn(
            session,
            claims
                .person("", accessToken)
                .withProviderSignOut(signOut == null ? null : String.valueOf(signOut)));
    return HttpResponse.seeOther(URI.create(signedIn.person().home()))
        .cookie(sessions.cookieFor(signedIn))
        .cookie(stateCookie("").maxAge(0));
  }

  /**
   * The page that sends a person who signed in through their council's provider on to be signed out
   * there (RP-initiated logout); our own session has already ended. Never cached: the address
   * carries the provider's ID token.
   */
  static MutableHttpResponse<ModelAndView<Map<String, Object>>> signOutAtProvider(
      Pages pages, Person person) {
    Map<String, Object> model =
        pages.model((PortalSession) null, "Signing you out of your council's account", null);
    model.put("signOutUrl", person.providerSignOut());
    return HttpResponse.ok(new ModelAndView<>("signing-out", model))
        .header("Cache-Control", "no-store");
  }

  private MutableHttpResponse<ModelAndView<Map<String, Object>>> refused(
      PortalSession session, String message) {
    PortalSession shown = session == null ? sessions.start() : session;
    Map<String, Object> model = pages.model(shown, "Sign in", "sign-in");
    model.put("email", "");
    model.put("ssoCouncils", councils.offered());
    Pages.showErrors(model, FormErrors.none().add("sso", "sso", message));
    return HttpResponse.<ModelAndView<Map<String, Object>>>status(HttpStatus.BAD_REQUEST)
        .body(new ModelAndView<>("sign-in", model))
        .cookie(sessions.cookieFor(shown))
        .cookie(stateCookie("").maxAge(0));
  }

  private Cookie stateCookie(String state) {
    return Cookie.of(STATE_COOKIE, state)
        .path("/sign-in")
        .httpOnly(true)
        .secure(secureCookie)
        .sameSite(SameSite.Lax)
        .maxAge(600);
  }

  private static boolean same(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
