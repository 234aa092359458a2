package org.improvementhub.tenancy.user;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;
import java.util.List;

/** {@code /users}: platform admins add other platform admins and DfE observers. */
@Controller("/users")
@Secured("PLATFORM_ADMIN")
public class PlatformUserController {

  private final UserAccounts users;

  public PlatformUserController(UserAccounts users) {
    this.users = users;
  }

  @Post
  public HttpResponse<UserView> add(@Body @Valid NewPlatformUser user) {
    UserAccount saved = users.addPlatformUser(user);
    return HttpResponse.created(
        UserView.of(saved), UriBuilder.of("/users").path(saved.id().toString()).build());
  }

  /** Users who belong to no council. */
  @Get
  public List<UserView> list() {
    return users.platformUsers().stream().map(UserView::of).toList();
  }
}
