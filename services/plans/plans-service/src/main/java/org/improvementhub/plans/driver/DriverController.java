package org.improvementhub.plans.driver;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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

/** {@code /councils/{council}/drivers}: the register, links to actions, and coverage. */
@Controller("/councils/{council}/drivers")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class DriverController {

  private final Drivers drivers;

  public DriverController(Drivers drivers) {
    this.drivers = drivers;
  }

  @Post
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<DriverView> add(
      @PathVariable String council, @Body @Valid DriverRequest request) {
    PlanDriver saved = drivers.add(request);
    return HttpResponse.created(
        drivers.view(saved.id()),
        UriBuilder.of("/councils")
            .path(council)
            .path("drivers")
            .path(saved.id().toString())
            .build());
  }

  @Get
  public List<DriverView> register(@PathVariable String council) {
    return drivers.register();
  }

  @Get("/coverage")
  public DriverCoverage coverage(@PathVariable String council) {
    return drivers.coverage();
  }

  @Get("/{id}")
  public DriverView get(@PathVariable String council, @PathVariable UUID id) {
    return drivers.view(id);
  }

  @Put("/{id}")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public DriverView change(
      @PathVariable String council, @PathVariable UUID id, @Body @Valid DriverRequest request) {
    drivers.change(id, request);
    return drivers.view(id);
  }

  @Put("/{id}/actions/{actionId}")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public DriverView link(
      @PathVariable String council, @PathVariable UUID id, @PathVariable UUID actionId) {
    drivers.link(id, actionId);
    return drivers.view(id);
  }

  @Delete("/{id}/actions/{actionId}")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public DriverView unlink(
      @PathVariable String council, @PathVariable UUID id, @PathVariable UUID actionId) {
    drivers.unlink(id, actionId);
    return drivers.view(id);
  }
}
