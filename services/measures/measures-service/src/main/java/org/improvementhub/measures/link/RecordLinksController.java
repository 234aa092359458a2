package org.improvementhub.measures.link;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.UUID;
import org.improvementhub.web.problem.ProblemException;

/**
 * {@code GET /councils/{council}/measure-links?action={id}} (or {@code ?item={id}}): what an
 * action's page shows, the measures linked to it with their status beside the action's RAG.
 */
@Controller("/councils/{council}/measure-links")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class RecordLinksController {

  private final MeasureLinks links;

  public RecordLinksController(MeasureLinks links) {
    this.links = links;
  }

  @Get
  public LinkViews.RecordLinksView linkedTo(
      @PathVariable String council,
      @QueryValue @Nullable String action,
      @QueryValue @Nullable String item) {
    if ((action == null) == (item == null)) {
      throw ProblemException.invalidField("action", "give either action or item, not both");
    }
    String field = action != null ? "action" : "item";
    UUID id;
    try {
      id = UUID.fromString(action != null ? action : item);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(field, "must be an id");
    }
    return links.measuresLinkedTo(action != null ? PlanRecordKind.ACTION : PlanRecordKind.ITEM, id);
  }
}
