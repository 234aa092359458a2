package org.improvementhub.tenancy.sso;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import java.util.Optional;
import org.improvementhub.tenancy.council.RegisteredCouncilRepository;

/**
 * {@code /auth/sso}: signing in with a council's own account. {@code GET /auth/sso/councils} lists
 * the councils that offer it (for the sign-in page); {@code POST /auth/sso/{council}/start} starts
 * a sign-in; {@code POST /auth/sso/callback} finishes it with what the provider sent back and
 * answers our own bearer token, exactly as {@code /auth/login} does, and the provider's sign-out
 * address ({@code sign_out_url}) when it has one.
 */
@Controller("/auth/sso")
@Secured(SecurityRule.IS_ANONYMOUS)
public class SsoSignInController {

  private final SsoSignIns signIns;
  private final CouncilSsoSettings settings;
  private final RegisteredCouncilRepository councils;

  SsoSignInController(
      SsoSignIns signIns, CouncilSsoSettings settings, RegisteredCouncilRepository councils) {
    this.signIns = signIns;
    this.settings = settings;
    this.councils = councils;
  }

  @Get("/councils")
  public List<SsoCouncil> councils() {
    return settings.allEnabled().stream()
        .map(sso -> councils.findById(sso.council()))
        .flatMap(Optional::stream)
        .map(council -> new SsoCouncil(council.slug(), council.name()))
        .toList();
  }

  @Post("/{council}/start")
  public HttpResponse<SsoStarted> start(
      @PathVariable String council, @Body @Nullable SsoStart body) {
    return HttpResponse.ok(signIns.start(council, body == null ? null : body.redirectUri()))
        .header("Cache-Control", "no-store");
  }

  @Post("/callback")
  public HttpResponse<SsoSignedIn> callback(@Body SsoCallback callback) {
    return HttpResponse.ok(
            signIns.finish(callback.state(), callback.code(), callback.postLogoutRedirectUri()))
        .header("Cache-Control", "no-store");
  }
}
