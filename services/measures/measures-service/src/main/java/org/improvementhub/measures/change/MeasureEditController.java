package org.improvementhub.measures.change;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.improvementhub.measures.measure.MeasureView;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * {@code PATCH /councils/{council}/measures/{id}} changes a measure's definition; {@code GET
 * …/{id}/history} lists every change.
 */
@Controller("/councils/{council}/measures/{id}")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class MeasureEditController {

  private final MeasureEditing editing;

  public MeasureEditController(MeasureEditing editing) {
    this.editing = editing;
  }

  @Patch
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public MeasureView edit(
      @PathVariable String council,
      @PathVariable UUID id,
      @Body @Valid MeasureEdit edit,
      Authentication caller) {
    return editing.edit(CouncilSlug.of(council), id, edit, caller.getName());
  }

  @Get("/history")
  public List<MeasureChange> history(@PathVariable String council, @PathVariable UUID id) {
    return editing.historyOf(id);
  }
}
