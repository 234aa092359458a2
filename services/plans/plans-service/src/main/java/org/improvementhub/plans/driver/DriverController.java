package org.improvementhub.plans.driver;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.improvementhub.plans.listing.PageRequest;
import org.improvementhub.tenancy.context.CouncilSlug;

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
    PlanDriver saved = drivers.add(CouncilSlug.of(council), request);
    return HttpResponse.created(
        drivers.view(saved.id()),
        UriBuilder.of("/councils")
            .path(council)
            .path("drivers")
            .path(saved.id().toString())
            .build());
  }

  /**
   * The register by kind and ref, a page at a time ({@code X-Total-Count} says how many match).
   *
   * @param covered true for drivers some action answers, false for those none does
   */
  @Get
  public HttpResponse<List<DriverView>> register(
      @PathVariable String council,
      @Nullable @QueryValue DriverKind kind,
      @Nullable @QueryValue DriverTimeframe timeframe,
      @Nullable @QueryValue UUID programmeId,
      @Nullable @QueryValue Boolean covered,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    PageRequest paging = PageRequest.of(page, size);
    return paging.answer(
        drivers.register().stream()
            .filter(d -> kind == null || d.kind() == kind)
            .filter(d -> timeframe == null || d.timeframe() == timeframe)
            .filter(d -> programmeId == null || programmeId.equals(d.programmeId()))
            .filter(d -> covered == null || covered == !d.actionIds().isEmpty())
            .toList());
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
    drivers.change(CouncilSlug.of(council), id, request);
    return drivers.view(id);
  }

  @Put("/{id}/actions/{actionId}")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public DriverView link(
      @PathVariable String council, @PathVariable UUID id, @PathVariable UUID actionId) {
    drivers.link(CouncilSlug.of(council), id, actionId);
    return drivers.view(id);
  }

  @Delete("/{id}/actions/{actionId}")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public DriverView unlink(
      @PathVariable String council, @PathVariable UUID id, @PathVariable UUID actionId) {
    drivers.unlink(CouncilSlug.of(council), id, actionId);
    return drivers.view(id);
  }
}
