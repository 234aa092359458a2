package org.improvementhub.tenancy.token;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.tenancy.context.CouncilStatus;
import org.improvementhub.tenancy.context.CouncilStatusRule;
import org.improvementhub.tenancy.context.CouncilStatuses;
import org.improvementhub.tenancy.signin.ClientAddress;
import org.improvementhub.tenancy.signin.SignInThrottle;
import org.improvementhub.tenancy.user.UserAccount;
import org.improvementhub.tenancy.user.UserAccounts;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/**
 * {@code POST /auth/login}: email and password for a bearer token. A wrong email and a wrong
 * password get the very same answer, so nobody can learn who has an account here. A suspended
 * council's users, with the right password, are told their council is suspended (423). Too many
 * failures lock the account or the client's address for a while (429, {@link SignInThrottle}),
 * checked before the password so that a locked account cannot be guessed at.
 */
@Controller("/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
public class LoginController {

  private final UserAccounts users;
  private final TokenIssuer tokens;
  private final CouncilStatuses statuses;
  private final SignInThrottle throttle;
  private final ClientAddress clientAddress;

  public LoginController(
      UserAccounts users,
      TokenIssuer tokens,
      CouncilStatuses statuses,
      SignInThrottle throttle,
      ClientAddress clientAddress) {
    this.users = users;
    this.tokens = tokens;
    this.statuses = statuses;
    this.throttle = throttle;
    this.clientAddress = clientAddress;
  }

  @Post("/login")
  public HttpResponse<AccessToken> login(
      HttpRequest<?> request, @Body @Valid Credentials credentials) {
    String address = clientAddress.of(request);
    throttle.checkNotLocked(credentials.email(), address);
    UserAccount user =
        users
            .authenticate(credentials.email(), credentials.password())
            .orElseThrow(
                () -> {
                  throttle.failed(credentials.email(), address);
                  return ProblemException.of(
                      ProblemType.UNAUTHENTICATED, "The email or password is not right");
                });
    throttle.succeeded(credentials.email());
    AccessToken token = tokens.issue(unlessSuspended(user));
    return HttpResponse.ok(token).header("Cache-Control", "no-store");
  }

  private UserAccount unlessSuspended(UserAccount user) {
    if (user.council() != null) {
      CouncilSlug council = CouncilSlug.of(user.council());
      if (statuses.statusOf(council) == CouncilStatus.SUSPENDED) {
        throw ProblemException.of(
            ProblemType.COUNCIL_SUSPENDED,
            CouncilStatusRule.detail(ProblemType.COUNCIL_SUSPENDED, council));
      }
    }
    return user;
  }
}
