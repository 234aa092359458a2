package org.improvementhub.portal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A session ends after 30 minutes idle, 8 hours after sign-in however busy, when the token expires,
 * or at sign-out; an ended session's cookie is worth nothing and is told apart from no cookie at
 * all, so the sign-in page can say the session ended.
 */
class SessionsTest {

  private static final Instant NINE = Instant.parse("2030-03-04T09:00:00Z");

  private final MovingClock clock = new MovingClock(NINE);
  private final Sessions sessions =
      new Sessions(clock, true, Duration.ofMinutes(30), Duration.ofHours(8));

  @Test
  void thirtyMinutesWithoutARequestEndTheSession() {
    PortalSession session = sessions.signIn(null, person(NINE.plus(Duration.ofDays(1))));
    clock.move(Duration.ofMinutes(29));
    assertThat(sessions.current(with(session))).as("a request within 30 minutes").isPresent();
    clock.move(Duration.ofMinutes(29));
    assertThat(sessions.current(with(session)))
        .as("each request restarts the idle time")
        .isPresent();
    clock.move(Duration.ofMinutes(31));
    assertThat(sessions.current(with(session))).isEmpty();
    assertThat(sessions.ended(with(session))).isTrue();
  }

  @Test
  void eightHoursAfterSignInTheSessionEndsHoweverBusy() {
    PortalSession session = sessions.signIn(null, person(NINE.plus(Duration.ofDays(1))));
    for (int i = 0; i < 31; i++) {
      clock.move(Duration.ofMinutes(15));
      assertThat(sessions.current(with(session))).as("after %d minutes", (i + 1) * 15).isPresent();
    }
    clock.move(Duration.ofMinutes(15));
    assertThat(sessions.current(with(session))).as("8 hours after sign-in").isEmpty();
  }

  @Test
  void theSessionEndsWithThePersonsToken() {
    PortalSession session = sessions.signIn(null, person(NINE.plus(Duration.ofMinutes(10))));
    clock.move(Duration.ofMinutes(10));
    assertThat(sessions.current(with(session))).isEmpty();
  }

  @Test
  void signingOutForgetsTheSessionOnTheServer() {
    PortalSession session = sessions.signIn(null, person(NINE.plus(Duration.ofDays(1))));
    sessions.end(session);
    assertThat(sessions.current(with(session))).as("the old cookie, replayed").isEmpty();
    assertThat(sessions.ended(with(session))).isTrue();
    assertThat(sessions.ended(HttpRequest.GET("/"))).as("no cookie: nothing ended").isFalse();
  }

  @Test
  void signingInGivesANewIdAndTheOldOneIsWorthNothing() {
    PortalSession anonymous = sessions.start();
    PortalSession signedIn = sessions.signIn(anonymous, person(NINE.plus(Duration.ofDays(1))));
    assertThat(signedIn.id()).isNotEqualTo(anonymous.id());
    assertThat(sessions.current(with(anonymous))).isEmpty();
    assertThat(sessions.current(with(signedIn))).isPresent();
  }

  private static HttpRequest<?> with(PortalSession session) {
    return HttpRequest.GET("/").cookie(Cookie.of(Sessions.COOKIE, session.id()));
  }

  private static Person person(Instant tokenExpiresAt) {
    return new Person(
        "lead@walsall.example",
        "token",
        Set.of("PROGRAMME_MANAGER"),
        "walsall",
        List.of(),
        tokenExpiresAt);
  }

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    private Instant now;

    MovingClock(Instant start) {
      this.now = start;
    }

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
