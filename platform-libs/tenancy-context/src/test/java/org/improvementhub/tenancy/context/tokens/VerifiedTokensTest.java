package org.improvementhub.tenancy.context.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

class VerifiedTokensTest {

  private static final Instant NOW = Instant.parse("2026-11-24T14:00:00Z");

  /** A verifier that accepts the tokens it is told to, counting what it was asked to verify. */
  private static final class Verifier implements ReactiveJsonWebTokenValidator<Object, Object> {
    final List<String> asked = new ArrayList<>();
    final Map<String, Instant> valid;

    Verifier(Map<String, Instant> valid) {
      this.valid = valid;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, Object request) {
      asked.add(token);
      Instant exp = valid.get(token);
      if (exp == null) {
        return Publishers.empty();
      }
      return Publishers.just(
          Authentication.build("pm@walsall.gov.uk", Map.of("exp", Date.from(exp))));
    }

    @Override
    public Publisher<Object> validate(String token, Object request) {
      return Publishers.empty();
    }
  }

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  private static Authentication first(Publisher<Authentication> publisher) throws Exception {
    CompletableFuture<Authentication> found = new CompletableFuture<>();
    publisher.subscribe(
        new Subscriber<>() {
          @Override
          public void onSubscribe(Subscription subscription) {
            subscription.request(1);
          }

          @Override
          public void onNext(Authentication authentication) {
            found.complete(authentication);
          }

          @Override
          public void onError(Throwable error) {
            found.completeExceptionally(error);
          }

          @Override
          public void onComplete() {
            found.complete(null);
          }
        });
    return found.get(5, TimeUnit.SECONDS);
  }

  @Test
  void aTokenOnceVerifiedIsAcceptedAgainWithoutVerifyingItsSignature() throws Exception {
    Verifier verifier = new Verifier(Map.of("a.b.good", NOW.plusSeconds(3600)));
    VerifiedTokens<Object, Object> tokens =
        new VerifiedTokens<>(verifier, at(NOW), Duration.ofMinutes(5), 100);

    Authentication once = first(tokens.validateToken("a.b.good", null));
    Authentication again = first(tokens.validateToken("a.b.good", null));

    assertThat(once.getName()).isEqualTo("pm@walsall.gov.uk");
    assertThat(again).isSameAs(once);
    assertThat(verifier.asked).containsExactly("a.b.good");
  }

  @Test
  void aTokenWithAnotherSignatureIsVerifiedAfreshAndAFailureIsNeverRemembered() throws Exception {
    Verifier verifier = new Verifier(Map.of("a.b.good", NOW.plusSeconds(3600)));
    VerifiedTokens<Object, Object> tokens =
        new VerifiedTokens<>(verifier, at(NOW), Duration.ofMinutes(5), 100);
    first(tokens.validateToken("a.b.good", null));

    assertThat(first(tokens.validateToken("a.b.forged", null))).isNull();
    assertThat(first(tokens.validateToken("a.b.forged", null))).isNull();
    assertThat(verifier.asked).containsExactly("a.b.good", "a.b.forged", "a.b.forged");
  }

  @Test
  void aRememberedTokenIsNeverAcceptedAtOrAfterItsExpiry() throws Exception {
    Instant exp = NOW.plusSeconds(60);
    Map<String, Instant> valid = new HashMap<>(Map.of("a.b.short", exp));
    Verifier verifier = new Verifier(valid);
    MovingClock clock = new MovingClock(NOW);
    VerifiedTokens<Object, Object> tokens =
        new VerifiedTokens<>(verifier, clock, Duration.ofMinutes(5), 100);
    first(tokens.validateToken("a.b.short", null));
    verifier.asked.clear();
    valid.remove("a.b.short"); // the verifier now refuses it: expired

    clock.now = exp.minusSeconds(1);
    assertThat(first(tokens.validateToken("a.b.short", null))).isNotNull();
    clock.now = exp;
    assertThat(first(tokens.validateToken("a.b.short", null))).isNull();
    assertThat(verifier.asked).containsExactly("a.b.short");
  }

  @Test
  void aLongLivedTokenIsVerifiedAgainAfterTheKeepingTime() throws Exception {
    Verifier verifier = new Verifier(Map.of("a.b.long", NOW.plus(Duration.ofDays(1))));
    MovingClock clock = new MovingClock(NOW);
    VerifiedTokens<Object, Object> tokens =
        new VerifiedTokens<>(verifier, clock, Duration.ofMinutes(5), 100);
    first(tokens.validateToken("a.b.long", null));

    clock.now = NOW.plus(Duration.ofMinutes(5));
    first(tokens.validateToken("a.b.long", null));

    assertThat(verifier.asked).containsExactly("a.b.long", "a.b.long");
  }

  @Test
  void theExpiryIsReadAsTheVerifierGivesIt() {
    assertThat(VerifiedTokens.expiry(null)).isNull();
    assertThat(VerifiedTokens.expiry(1_800_000_000L))
        .isEqualTo(Instant.ofEpochSecond(1_800_000_000L));
    assertThat(VerifiedTokens.expiry(Date.from(NOW))).isEqualTo(NOW);
  }

  private static final class MovingClock extends Clock {
    Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
