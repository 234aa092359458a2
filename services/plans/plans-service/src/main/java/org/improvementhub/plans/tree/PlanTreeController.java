package org.improvementhub.plans.tree;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import java.util.UUID;

/** {@code /councils/{council}/programmes/{programme}/items} and {@code .../tree}. */
@Controller("/councils/{council}/programmes/{programme}")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class PlanTreeController {

  private final PlanTree tree;

  public PlanTreeController(PlanTree tree) {
    this.tree = tree;
  }

  @Get("/tree")
  public PlanTreeView tree(@PathVariable String council, @PathVariable UUID programme) {
    return tree.tree(programme);
  }

  @Post("/items")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<PlanItemView> add(
      @PathVariable String council,
      @PathVariable UUID programme,
      @Body @Valid NewPlanItem request) {
    PlanItem saved = tree.add(programme, request);
    return HttpResponse.created(
        tree.item(programme, saved.id()),
        UriBuilder.of("/councils")
            .path(council)
            .path("programmes")
            .path(programme.toString())
            .path("items")
            .path(saved.id().toString())
            .build());
  }

  @Get("/items/{id}")
  public PlanItemView get(
      @PathVariable String council, @PathVariable UUID programme, @PathVariable UUID id) {
    return tree.item(programme, id);
  }

  @Patch("/items/{id}")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public PlanItemView change(
      @PathVariable String council,
      @PathVariable UUID programme,
      @PathVariable UUID id,
      @Body @Valid PlanItemChange change) {
    tree.change(programme, id, change);
    return tree.item(programme, id);
  }

  @Delete("/items/{id}")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<Void> remove(
      @PathVariable String council, @PathVariable UUID programme, @PathVariable UUID id) {
    tree.remove(programme, id);
    return HttpResponse.noContent();
  }

  @Put("/items/{id}/placement")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public PlanItemView place(
      @PathVariable String council,
      @PathVariable UUID programme,
      @PathVariable UUID id,
      @Body @Valid Placement placement) {
    tree.place(programme, id, placement);
    return tree.item(programme, id);
  }
}
