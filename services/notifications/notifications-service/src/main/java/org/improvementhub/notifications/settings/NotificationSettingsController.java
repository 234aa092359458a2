package org.improvementhub.notifications.settings;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * {@code /councils/{council}/notification-settings}: what the council's schedule sends and when,
 * and the sender's name and reply-to. Those who run the programme read them; the council's admin
 * changes them. The council itself is checked against the token by the filter.
 */
@Controller("/councils/{council}/notification-settings")
public class NotificationSettingsController {

  private final CouncilSettings settings;

  public NotificationSettingsController(CouncilSettings settings) {
    this.settings = settings;
  }

  @Get
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
  public NotificationSettings show(@PathVariable String council) {
    return settings.current();
  }

  @Put
  @Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN"})
  public NotificationSettings replace(
      @PathVariable String council,
      @Body @NotNull @Valid SettingsChange change,
      Authentication who) {
    return settings.replace(change.settings(), who.getName());
  }
}
