package org.improvementhub.plans.programme;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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

  /**
   * The council's programmes by name, a page at a time ({@code X-Total-Count} says how many match).
   *
   * @param name part of the name, any case
   * @param triggerKind what triggered them
   */
  @Get
  public HttpResponse<List<ProgrammeView>> list(
      @PathVariable String council,
      @Nullable @QueryValue String name,
      @Nullable @QueryValue TriggerKind triggerKind,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    PageRequest paging = PageRequest.of(page, size);
    String part = name == null || name.isBlank() ? null : name.strip().toLowerCase(Locale.ROOT);
    return paging.answer(
        programmes.all().stream()
            .filter(p -> part == null || p.name().toLowerCase(Locale.ROOT).contains(part))
            .filter(p -> triggerKind == null || p.triggerKind() == triggerKind)
            .map(ProgrammeView::of)
            .toList());
  }

  @Get("/{id}")
  public ProgrammeView get(@PathVariable String council, @PathVariable UUID id) {
    return ProgrammeView.of(programmes.require(id));
  }
}
