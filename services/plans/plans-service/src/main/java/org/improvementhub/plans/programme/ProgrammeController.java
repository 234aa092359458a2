package org.improvementhub.plans.programme;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;

/** {@code /councils/{council}/programmes}. */
@Controller("/councils/{council}/programmes")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ProgrammeController {

  private final Programmes programmes;

  public ProgrammeController(Programmes programmes) {
    this.programmes = programmes;
  }

  @Post
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<ProgrammeView> add(
      @PathVariable String council, @Body @Valid ProgrammeRequest request) {
    Programme saved = programmes.add(request);
    return HttpResponse.created(
        ProgrammeView.of(saved),
        UriBuilder.of("/councils")
            .path(council)
            .path("programmes")
            .path(saved.id().toString())
            .build());
  }

  @Put("/{id}")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public ProgrammeView change(
      @PathVariable String council, @PathVariable UUID id, @Body @Valid ProgrammeRequest request) {
    return ProgrammeView.of(programmes.change(id, request));
  }

  @Get
  public List<ProgrammeView> list(@PathVariable String council) {
    return programmes.all().stream().map(ProgrammeView::of).toList();
  }

  @Get("/{id}")
  public ProgrammeView get(@PathVariable String council, @PathVariable UUID id) {
    return ProgrammeView.of(programmes.require(id));
  }
}
