package org.improvementhub.plans.risk;

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
import java.util.Locale;
import java.util.UUID;
import org.improvementhub.plans.listing.PageRequest;

/** {@code /councils/{council}/risks}: the risk register and issue log. */
@Controller("/councils/{council}/risks")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class RiskController {

  private final Risks risks;

  public RiskController(Risks risks) {
    this.risks = risks;
  }

  @Post
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<RiskView> add(
      @PathVariable String council, @Body @Valid RiskRequest request) {
    PlanRisk saved = risks.add(request);
    return HttpResponse.created(
        risks.view(saved.id()),
        UriBuilder.of("/councils").path(council).path("risks").path(saved.id().toString()).build());
  }

  /**
   * The risk register and issue log, highest score first, a page at a time ({@code X-Total-Count}
   * says how many match).
   *
   * @param owner part of the owner's name, any case
   * @param linkedTo a plan item or action the risk bears on
   */
  @Get
  public HttpResponse<List<RiskView>> register(
      @PathVariable String council,
      @Nullable @QueryValue RiskKind kind,
      @Nullable @QueryValue RiskStatus status,
      @Nullable @QueryValue String owner,
      @Nullable @QueryValue UUID linkedTo,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    PageRequest paging = PageRequest.of(page, size);
    String part = owner == null || owner.isBlank() ? null : owner.strip().toLowerCase(Locale.ROOT);
    return paging.answer(
        risks.register(kind, status).stream()
            .filter(r -> part == null || r.owner().toLowerCase(Locale.ROOT).contains(part))
            .filter(r -> linkedTo == null || r.linkedTo().contains(linkedTo))
            .toList());
  }

  @Get("/{id}")
  public RiskView get(@PathVariable String council, @PathVariable UUID id) {
    return risks.view(id);
  }

  @Put("/{id}")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public RiskView change(
      @PathVariable String council, @PathVariable UUID id, @Body @Valid RiskRequest request) {
    risks.change(id, request);
    return risks.view(id);
  }

  @Put("/{id}/links/{targetId}")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public RiskView link(
      @PathVariable String council, @PathVariable UUID id, @PathVariable UUID targetId) {
    risks.link(id, targetId);
    return risks.view(id);
  }

  @Delete("/{id}/links/{targetId}")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public RiskView unlink(
      @PathVariable String council, @PathVariable UUID id, @PathVariable UUID targetId) {
    risks.unlink(id, targetId);
    return risks.view(id);
  }
}
