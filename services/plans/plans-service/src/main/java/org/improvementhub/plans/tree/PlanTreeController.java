package org.improvementhub.plans.tree;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
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
import org.improvementhub.plans.revision.PlanReads;
import org.improvementhub.tenancy.context.CouncilSlug;

/** {@code /councils/{council}/programmes/{programme}/items} and {@code .../tree}. */
@Controller("/councils/{council}/programmes/{programme}")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class PlanTreeController {

  private final PlanTree tree;
  private final PlanReads reads;

  public PlanTreeController(PlanTree tree, PlanReads reads) {
    this.tree = tree;
    this.reads = reads;
  }

  /** The whole tree, kept per plan revision: {@code ETag} and {@code If-None-Match} work. */
  @Get("/tree")
  public HttpResponse<PlanTreeView> tree(
      @PathVariable String council,
      @PathVariable UUID programme,
      @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    return reads.answer(
        CouncilSlug.of(council),
        List.of("tree", programme),
        ifNoneMatch,
        PlanTreeView.class,
        () -> tree.tree(CouncilSlug.of(council), programme));
  }

  @Post("/items")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<PlanItemView> add(
      @PathVariable String council,
      @PathVariable UUID programme,
      @Body @Valid NewPlanItem request) {
    PlanItem saved = tree.add(CouncilSlug.of(council), programme, request);
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

  /**
   * The programme's items, a page at a time ({@code X-Total-Count} says how many match).
   *
   * @param level the level, by number from 1 (the top) or by the council's name for it
   * @param parentId only the items directly under this one
   * @param owner part of the owner, any case
   */
  @Get("/items")
  public HttpResponse<List<PlanItemView>> items(
      @PathVariable String council,
      @PathVariable UUID programme,
      @Nullable @QueryValue String level,
      @Nullable @QueryValue UUID parentId,
      @Nullable @QueryValue String owner,
      @Nullable @QueryValue Integer page,
      @Nullable @QueryValue Integer size) {
    PageRequest paging = PageRequest.of(page, size);
    String wanted = level == null || level.isBlank() ? null : level.strip();
    String part = owner == null || owner.isBlank() ? null : owner.strip().toLowerCase(Locale.ROOT);
    return paging.answer(
        tree.items(programme).stream()
            .filter(i -> wanted == null || atLevel(i, wanted))
            .filter(i -> parentId == null || parentId.equals(i.parentId()))
            .filter(
                i ->
                    part == null
                        || (i.owner() != null && i.owner().toLowerCase(Locale.ROOT).contains(part)))
            .toList());
  }

  private static boolean atLevel(PlanItemView item, String level) {
    // a number too long for an int is no depth (PlansFuzzIT: ?level=2147483648 was a 500)
    if (level.length() <= 9 && level.chars().allMatch(Character::isDigit)) {
      return item.depth() + 1 == Integer.parseInt(level);
    }
    return item.level().equalsIgnoreCase(level);
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
    tree.change(CouncilSlug.of(council), programme, id, change);
    return tree.item(programme, id);
  }

  @Delete("/items/{id}")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<Void> remove(
      @PathVariable String council, @PathVariable UUID programme, @PathVariable UUID id) {
    tree.remove(CouncilSlug.of(council), programme, id);
    return HttpResponse.noContent();
  }

  @Put("/items/{id}/placement")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public PlanItemView place(
      @PathVariable String council,
      @PathVariable UUID programme,
      @PathVariable UUID id,
      @Body @Valid Placement placement) {
    tree.place(CouncilSlug.of(council), programme, id, placement);
    return tree.item(programme, id);
  }
}
