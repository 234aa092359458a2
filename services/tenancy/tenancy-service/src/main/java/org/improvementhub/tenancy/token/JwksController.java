package org.improvementhub.tenancy.token;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * {@code GET /.well-known/jwks.json}: the public keys every service checks tokens against (the
 * signing key and, during a rotation, the second key). Services cache it for {@code
 * micronaut.security.token.jwt.signatures.jwks.*.cache-expiration} seconds (60 by default).
 */
@Controller("/.well-known")
@Secured(SecurityRule.IS_ANONYMOUS)
public class JwksController {

  private final PublishedKeys keys;

  public JwksController(PublishedKeys keys) {
    this.keys = keys;
  }

  @Get("/jwks.json")
  @Produces(MediaType.APPLICATION_JSON)
  public HttpResponse<String> keys() {
    return HttpResponse.ok(keys.publicKeys().toString()).header("Cache-Control", "max-age=300");
  }
}
