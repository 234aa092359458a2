package org.improvementhub.measures.link;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.UUID;

/**
 * {@code /councils/{council}/measures/{id}/links}: the actions and plan items a measure is linked
 * to; {@code kind} is {@code action} or {@code item}, {@code planRecordId} the plans service's id.
 */
@Controller("/councils/{council}/measures/{id}/links")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class MeasureLinkController {

  private final MeasureLinks links;

  public MeasureLinkController(MeasureLinks links) {
    this.links = links;
  }

  @Get
  public LinkViews.MeasureLinksView list(@PathVariable String council, @PathVariable UUID id) {
    return links.linksOf(id);
  }

  /** 201 when the link is new, 200 when it was there already. */
  @Put("/{kind}/{planRecordId}")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<LinkViews.MeasureLinksView> link(
      @PathVariable String council,
      @PathVariable UUID id,
      @PathVariable String kind,
      @PathVariable UUID planRecordId,
      Authentication caller) {
    boolean created = links.link(id, kind, planRecordId, caller.getName());
    LinkViews.MeasureLinksView view = links.linksOf(id);
    return created ? HttpResponse.created(view) : HttpResponse.ok(view);
  }

  @Delete("/{kind}/{planRecordId}")
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public HttpResponse<Void> unlink(
      @PathVariable String council,
      @PathVariable UUID id,
      @PathVariable String kind,
      @PathVariable UUID planRecordId) {
    links.unlink(id, kind, planRecordId);
    return HttpResponse.noContent();
  }
}
