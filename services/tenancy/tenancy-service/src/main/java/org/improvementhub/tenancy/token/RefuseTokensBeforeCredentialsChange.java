package org.improvementhub.tenancy.token;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Tenancy refuses (401) a token issued before its person's password changed: the token's {@link
 * CredentialsVersions#CLAIM} is older than the person's version now. Put around the service's JWT
 * verifier after {@code RememberVerifiedTokens} (a higher order), so that it is asked on every use,
 * a remembered token included.
 */
@Singleton
public class RefuseTokensBeforeCredentialsChange
    implements BeanCreatedEventListener<ReactiveJsonWebTokenValidator<Object, Object>>, Ordered {

  private final Provider<CredentialsVersions> versions;

  RefuseTokensBeforeCredentialsChange(Provider<CredentialsVersions> versions) {
    this.versions = versions;
  }

  @Override
  public int getOrder() {
    return 100;
  }

  @Override
  public ReactiveJsonWebTokenValidator<Object, Object> onCreated(
      BeanCreatedEvent<ReactiveJsonWebTokenValidator<Object, Object>> event) {
    ReactiveJsonWebTokenValidator<Object, Object> verifier = event.getBean();
    return new ReactiveJsonWebTokenValidator<>() {
      @Override
      public Publisher<Authentication> validateToken(String token, Object request) {
        return Flux.from(verifier.validateToken(token, request)).filter(this::current);
      }

      @Override
      public Publisher<Object> validate(String token, Object request) {
        return verifier.validate(token, request);
      }

      private boolean current(Authentication authentication) {
        return versions
            .get()
            .stillCurrent(
                authentication.getName(),
                authentication.getAttributes().get(CredentialsVersions.CLAIM));
      }
    };
  }
}
