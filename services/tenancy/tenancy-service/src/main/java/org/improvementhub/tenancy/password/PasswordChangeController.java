package org.improvementhub.tenancy.password;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import org.improvementhub.tenancy.signin.ClientAddress;
import org.improvementhub.tenancy.token.CredentialsVersions;
import org.improvementhub.tenancy.user.UserAccount;

/**
 * {@code POST /auth/password}: the signed-in person changes their own password (any role, observers
 * included: it is their account, not a council's data). 204 when changed; 400 naming {@code
 * currentPassword} or {@code newPassword}; 429 while sign-in is locked for the account or address.
 * Tokens issued before the change are refused by tenancy afterwards ({@link CredentialsVersions}).
 */
@Controller("/auth")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class PasswordChangeController {

  private final OwnPasswords passwords;
  private final ClientAddress clientAddress;
  private final CredentialsVersions credentials;

  public PasswordChangeController(
      OwnPasswords passwords, ClientAddress clientAddress, CredentialsVersions credentials) {
    this.passwords = passwords;
    this.clientAddress = clientAddress;
    this.credentials = credentials;
  }

  @Post("/password")
  public HttpResponse<Void> change(
      HttpRequest<?> request, @Body @Valid PasswordChange change, Authentication caller) {
    String address = clientAddress.of(request);
    UserAccount account =
        passwords.checkCurrent(caller.getName(), address, change.currentPassword());
    passwords.replace(account, change.newPassword(), address);
    // committed now: no request in between may keep the old version for this person
    credentials.forget(account.email());
    return HttpResponse.<Void>noContent().header("Cache-Control", "no-store");
  }
}
