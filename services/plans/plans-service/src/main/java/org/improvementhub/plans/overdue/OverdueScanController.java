package org.improvementhub.plans.overdue;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import org.improvementhub.tenancy.context.CouncilSlug;

/** Runs a council's overdue scan now, rather than waiting for the morning. */
@Controller("/councils/{council}/overdue-scans")
@Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
public class OverdueScanController {

  private final OverdueScan scan;

  public OverdueScanController(OverdueScan scan) {
    this.scan = scan;
  }

  @Post
  public ScanResult run(@PathVariable String council) {
    return new ScanResult(scan.scan(CouncilSlug.of(council)));
  }

  /** How many actions this scan found newly overdue. */
  @Serdeable
  public record ScanResult(int newlyOverdue) {}
}
