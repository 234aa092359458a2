package org.improvementhub.measures.target;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;
import java.util.UUID;
import org.improvementhub.measures.measure.MeasureView;
import org.improvementhub.tenancy.context.CouncilSlug;

/** {@code PUT /councils/{council}/measures/{id}/targets}: the whole trajectory at once. */
@Controller("/councils/{council}/measures/{id}/targets")
public class MeasureTargetController {

  private final MeasureTargets targets;

  public MeasureTargetController(MeasureTargets targets) {
    this.targets = targets;
  }

  @Put
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public MeasureView replace(
      @PathVariable String council, @PathVariable UUID id, @Body @Valid NewTargets request) {
    return targets.replace(CouncilSlug.of(council), id, request);
  }
}
