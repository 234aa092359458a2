package org.improvementhub.portal.session;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions keyed by a 256-bit random id in an HttpOnly, SameSite=Lax cookie (Secure
 * unless configured off for plain-http localhost). Held in memory: a restart signs everyone out,
 * which is acceptable for a portal whose tokens last an hour. A session ends after {@code
 * idle-timeout} without a request, {@code absolute-lifetime} after sign-in whatever the activity,
 * when the person's token expires, or at sign-out; an ended session is forgotten, so its cookie is
 * worth nothing afterwards.
 */
@Singleton
public class Sessions {

  public static final String COOKIE = "hub_session";

  private final Map<String, PortalSession> byId = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final boolean secureCookie;
  private final Duration idleTimeout;
  private final Duration absoluteLifetime;

  public Sessions(
      Clock clock,
      @Value("${hub.portal.session.secure-cookie:true}") boolean secureCookie,
      @Value("${hub.portal.session.idle-timeout:30m}") Duration idleTimeout,
      @Value("${hub.portal.session.absolute-lifetime:8h}") Duration absoluteLifetime) {
    this.clock = clock;
    this.secureCookie = secureCookie;
    this.idleTimeout = idleTimeout;
    this.absoluteLifetime = absoluteLifetime;
  }

  /** The request's live session, if it has one. */
  public Optional<PortalSession> current(HttpRequest<?> request) {
    Optional<String> id = request.getCookies().findCookie(COOKIE).map(Cookie::getValue);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    PortalSession session = byId.get(id.get());
    if (session == null) {
      return Optional.empty();
    }
    boolean idle = session.lastSeen().plus(idleTimeout).isBefore(now);
    boolean tooOld = !session.startedAt().plus(absoluteLifetime).isAfter(now);
    boolean expired = session.signedIn() && session.person().expiredAt(now);
    if (idle || tooOld || expired) {
      byId.remove(session.id());
      return Optional.empty();
    }
    PortalSession seen = session.seenAt(now);
    byId.put(seen.id(), seen);
    return Optional.of(seen);
  }

  /** The signed-in person, or {@link SignInNeeded}. */
  public Person person(HttpRequest<?> request) {
    return current(request).map(PortalSession::person).orElseThrow(SignInNeeded::new);
  }

  /** A fresh anonymous session, for the sign-in form's CSRF token. */
  public PortalSession start() {
    return store(null);
  }

  /**
   * Signs {@code person} in on a new session id, dropping the old one, so an id planted before
   * sign-in is worth nothing after it.
   */
  public PortalSession signIn(PortalSession before, Person person) {
    if (before != null) {
      byId.remove(before.id());
    }
    return store(person);
  }

  public void end(PortalSession session) {
    byId.remove(session.id());
  }

  /** Refuses a form whose token is not this session's. */
  public void checkForm(PortalSession session, String submittedToken) {
    if (session == null || submittedToken == null) {
      throw new FormRejected();
    }
    byte[] expected = session.csrfToken().getBytes(StandardCharsets.UTF_8);
    byte[] submitted = submittedToken.getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, submitted)) {
      throw new FormRejected();
    }
  }

  /** The signed-in session after checking the form's token. */
  public PortalSession signedInForm(HttpRequest<?> request, String submittedToken) {
    PortalSession session = current(request).filter(PortalSession::signedIn).orElse(null);
    if (session == null) {
      throw new SignInNeeded();
    }
    checkForm(session, submittedToken);
    return session;
  }

  public Cookie cookieFor(PortalSession session) {
    return Cookie.of(COOKIE, session.id())
        .path("/")
        .httpOnly(true)
        .secure(secureCookie)
        .sameSite(SameSite.Lax);
  }

  public Cookie expiredCookie() {
    return Cookie.of(COOKIE, "")
        .path("/")
        .httpOnly(true)
        .secure(secureCookie)
        .sameSite(SameSite.Lax)
        .maxAge(0);
  }

  private PortalSession store(Person person) {
    sweep();
    Instant now = clock.instant();
    PortalSession session = new PortalSession(randomToken(), randomToken(), person, now, now);
    byId.put(session.id(), session);
    return session;
  }

  /**
   * Whether the request carries a session cookie that no longer names a live session: it timed out,
   * outlived its lifetime or was signed out, so the sign-in page says so.
   */
  public boolean ended(HttpRequest<?> request) {
    return request
            .getCookies()
            .findCookie(COOKIE)
            .map(Cookie::getValue)
            .filter(id -> !id.isEmpty())
            .isPresent()
        && current(request).isEmpty();
  }

  /** Forgets idle and too old sessions, so abandoned sign-in forms do not pile up. */
  private void sweep() {
    Instant now = clock.instant();
    Instant idleCutoff = now.minus(idleTimeout);
    Instant ageCutoff = now.minus(absoluteLifetime);
    byId.values()
        .removeIf(
            session ->
                session.lastSeen().isBefore(idleCutoff) || !session.startedAt().isAfter(ageCutoff));
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
