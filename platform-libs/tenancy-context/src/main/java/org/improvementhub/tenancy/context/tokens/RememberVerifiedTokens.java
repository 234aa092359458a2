package org.improvementhub.tenancy.context.tokens;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Puts {@link VerifiedTokens} in front of the service's JWT verifier as it is created, in every
 * service that verifies JWTs ({@code hub.tokens.remember-verified.enabled=false} turns it off). The
 * clock is the system's, as the verifier's own expiry check is.
 */
@Singleton
@Requires(classes = ReactiveJsonWebTokenValidator.class)
@Requires(property = "hub.tokens.remember-verified.enabled", notEquals = "false")
public class RememberVerifiedTokens
    implements BeanCreatedEventListener<ReactiveJsonWebTokenValidator<Object, Object>> {

  private final Duration keep;
  private final long maximum;

  public RememberVerifiedTokens(
      @Value("${hub.tokens.remember-verified.keep:5m}") Duration keep,
      @Value("${hub.tokens.remember-verified.maximum:10000}") long maximum) {
    this.keep = keep;
    this.maximum = maximum;
  }

  @Override
  public ReactiveJsonWebTokenValidator<Object, Object> onCreated(
      BeanCreatedEvent<ReactiveJsonWebTokenValidator<Object, Object>> event) {
    return new VerifiedTokens<>(event.getBean(), Clock.systemUTC(), keep, maximum);
  }
}
