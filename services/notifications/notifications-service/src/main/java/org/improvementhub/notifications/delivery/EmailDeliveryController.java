package org.improvementhub.notifications.delivery;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;

/**
 * {@code /councils/{council}/email-deliveries}: the council's delivery log, newest first. It names
 * people and what they were chased about, so it is for those who run the council's programme, not
 * for board members or DfE observers; the council itself is checked against the token by the
 * filter.
 */
@Controller("/councils/{council}/email-deliveries")
@Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
public class EmailDeliveryController {

  private final DeliveryLog log;

  public EmailDeliveryController(DeliveryLog log) {
    this.log = log;
  }

  @Get
  public List<DeliveryView> list(
      @PathVariable String council,
      @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    return log.newest(limit);
  }
}
