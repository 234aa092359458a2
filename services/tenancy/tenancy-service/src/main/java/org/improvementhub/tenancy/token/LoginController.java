package org.improvementhub.tenancy.token;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import org.improvementhub.tenancy.user.UserAccounts;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/**
 * {@code POST /auth/login}: email and password for a bearer token. A wrong email and a wrong
 * password get the very same answer, so nobody can learn who has an account here.
 */
@Controller("/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
public class LoginController {

  private final UserAccounts users;
  private final TokenIssuer tokens;

  public LoginController(UserAccounts users, TokenIssuer tokens) {
    this.users = users;
    this.tokens = tokens;
  }

  @Post("/login")
  public HttpResponse<AccessToken> login(@Body @Valid Credentials credentials) {
    AccessToken token =
        users
            .authenticate(credentials.email(), credentials.password())
            .map(tokens::issue)
            .orElseThrow(
                () ->
                    ProblemException.of(
                        ProblemType.UNAUTHENTICATED, "The email or password is not right"));
    return HttpResponse.ok(token).header("Cache-Control", "no-store");
  }
}
