package org.improvementhub.tenancy.context.tokens;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.reactivestreams.Publisher;

/**
 * The service's token verifier, remembering the tokens it has accepted: the same token (the very
 * same characters, signature included, recognised by their SHA-256) is accepted again without
 * verifying its signature, until the earlier of its {@code exp} and {@code keep} after it was
 * verified. A token that fails is never remembered, and a token whose signature differs by one
 * character is another token, verified afresh. Nothing the claims checks depend on changes while a
 * token is remembered: issuer, audience and not-before are properties of the token alone, and the
 * expiry is checked again on every use.
 */
public final class VerifiedTokens<T, R> implements ReactiveJsonWebTokenValidator<T, R> {

  /** An accepted token's authentication and the instant it stops being accepted. */
  private record Accepted(Authentication authentication, Instant until) {}

  private final ReactiveJsonWebTokenValidator<T, R> verifier;
  private final Clock clock;
  private final Duration keep;
  private final Cache<String, Accepted> accepted;

  public VerifiedTokens(
      ReactiveJsonWebTokenValidator<T, R> verifier, Clock clock, Duration keep, long maximum) {
    this.verifier = verifier;
    this.clock = clock;
    this.keep = keep;
    this.accepted = Caffeine.newBuilder().maximumSize(maximum).expireAfterWrite(keep).build();
  }

  @Override
  public Publisher<Authentication> validateToken(String token, R request) {
    String key = hash(token);
    Accepted known = accepted.getIfPresent(key);
    if (known != null) {
      if (clock.instant().isBefore(known.until())) {
        return Publishers.just(known.authentication());
      }
      accepted.invalidate(key);
    }
    return Publishers.then(
        verifier.validateToken(token, request), authentication -> remember(key, authentication));
  }

  @Override
  public Publisher<T> validate(String token, R request) {
    return verifier.validate(token, request);
  }

  private void remember(String key, Authentication authentication) {
    Instant expires = expiry(authentication.getAttributes().get("exp"));
    if (expires == null) {
      // a token that never expires is verified every time: nothing bounds how long it is trusted
      return;
    }
    Instant latest = clock.instant().plus(keep);
    accepted.put(key, new Accepted(authentication, expires.isBefore(latest) ? expires : latest));
  }

  /** The {@code exp} claim as the verifier gives it: a date, or seconds since the epoch. */
  static Instant expiry(Object exp) {
    if (exp instanceof Date date) {
      return date.toInstant();
    }
    if (exp instanceof Instant instant) {
      return instant;
    }
    if (exp instanceof Number seconds) {
      return Instant.ofEpochSecond(seconds.longValue());
    }
    return null;
  }

  private static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
