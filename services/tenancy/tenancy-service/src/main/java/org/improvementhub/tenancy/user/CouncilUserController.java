package org.improvementhub.tenancy.user;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;
import java.util.List;
import org.improvementhub.tenancy.context.CouncilAccess;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.ProblemException;

/**
 * {@code /councils/{council}/users}: a council's own admin (or a platform admin) manages its users.
 * The access filter has already answered 404 to admins of other councils and 403 to read-only
 * callers; the same rule is applied here again before anything is read or written.
 */
@Controller("/councils/{council}/users")
@Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN"})
public class CouncilUserController {

  private final UserAccounts users;

  public CouncilUserController(UserAccounts users) {
    this.users = users;
  }

  @Post
  public HttpResponse<UserView> add(
      @PathVariable String council, @Body @Valid NewCouncilUser user, Authentication caller) {
    CouncilSlug slug = visible(council, caller, true);
    UserAccount saved = users.addToCouncil(slug, user);
    return HttpResponse.created(
        UserView.of(saved),
        UriBuilder.of("/councils")
            .path(slug.value())
            .path("users")
            .path(saved.id().toString())
            .build());
  }

  @Get
  public List<UserView> list(@PathVariable String council, Authentication caller) {
    return users.ofCouncil(visible(council, caller, false)).stream().map(UserView::of).toList();
  }

  private static CouncilSlug visible(String council, Authentication caller, boolean write) {
    return CouncilSlug.parse(council)
        .filter(slug -> CouncilAccess.decide(caller, slug, write) == CouncilAccess.Decision.ALLOWED)
        .orElseThrow(() -> ProblemException.notFound("Council '" + council + "'"));
  }
}
