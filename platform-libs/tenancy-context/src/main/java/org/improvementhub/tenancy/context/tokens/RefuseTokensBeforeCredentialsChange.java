package org.improvementhub.tenancy.context.tokens;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * A service refuses (401) a token issued before its person's password changed: the token's {@link
 * CurrentCredentials#CLAIM} is older than the version the service knows now. Put around the
 * service's JWT verifier after {@link RememberVerifiedTokens} (a higher order), so that it is asked
 * on every use, a remembered token included. In every service with a {@link CurrentCredentials}.
 */
@Singleton
@Requires(classes = ReactiveJsonWebTokenValidator.class)
@Requires(beans = CurrentCredentials.class)
public class RefuseTokensBeforeCredentialsChange
    implements BeanCreatedEventListener<ReactiveJsonWebTokenValidator<Object, Object>>, Ordered {

  // a provider: the versions need the database, which is not wanted while the verifier is made
  private final Provider<CurrentCredentials> credentials;

  RefuseTokensBeforeCredentialsChange(Provider<CurrentCredentials> credentials) {
    this.credentials = credentials;
  }

  @Override
  public int getOrder() {
    return 100;
  }

  @Override
  public ReactiveJsonWebTokenValidator<Object, Object> onCreated(
      BeanCreatedEvent<ReactiveJsonWebTokenValidator<Object, Object>> event) {
    return new CredentialsCheckedTokens<>(event.getBean(), credentials::get);
  }
}
