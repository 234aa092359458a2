package org.improvementhub.tenancy.context.tokens;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * The service's token verifier, refusing a token whose {@link CurrentCredentials#CLAIM} is older
 * than its person's credentials version now (issued before a password change), on every use.
 */
public final class CredentialsCheckedTokens<T, R> implements ReactiveJsonWebTokenValidator<T, R> {

  private final ReactiveJsonWebTokenValidator<T, R> verifier;
  private final Supplier<CurrentCredentials> credentials;

  public CredentialsCheckedTokens(
      ReactiveJsonWebTokenValidator<T, R> verifier, Supplier<CurrentCredentials> credentials) {
    this.verifier = verifier;
    this.credentials = credentials;
  }

  /** The verifier this one asks first. */
  public ReactiveJsonWebTokenValidator<T, R> verifier() {
    return verifier;
  }

  @Override
  public Publisher<Authentication> validateToken(String token, R request) {
    return Flux.from(verifier.validateToken(token, request)).filter(this::current);
  }

  @Override
  public Publisher<T> validate(String token, R request) {
    return verifier.validate(token, request);
  }

  private boolean current(Authentication authentication) {
    return credentials
        .get()
        .stillCurrent(
            authentication.getName(), authentication.getAttributes().get(CurrentCredentials.CLAIM));
  }
}
