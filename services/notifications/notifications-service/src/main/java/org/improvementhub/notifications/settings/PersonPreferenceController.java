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
import java.util.List;
import java.util.Locale;
import org.improvementhub.web.problem.ProblemException;

/**
 * {@code /councils/{council}/notification-preferences}: who of the council's people hears by weekly
 * digest only. Set by those who run the programme; escalations are not affected.
 */
@Controller("/councils/{council}/notification-preferences")
@Secured({"PLATFORM_ADMIN", "COUNCIL_ADMIN", "PROGRAMME_MANAGER"})
public class PersonPreferenceController {

  private static final java.util.regex.Pattern EMAIL =
      java.util.regex.Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final PersonPreferences preferences;

  public PersonPreferenceController(PersonPreferences preferences) {
    this.preferences = preferences;
  }

  @Get
  public List<PersonPreference> list(@PathVariable String council) {
    return preferences.all();
  }

  @Put("/{email}")
  public PersonPreference choose(
      @PathVariable String council,
      @PathVariable String email,
      @Body @NotNull @Valid PreferenceChange change,
      Authentication who) {
    if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
      throw ProblemException.invalidField("email", "must be an email address");
    }
    preferences.choose(email, change.mode(), who.getName());
    String key = email.strip().toLowerCase(Locale.ROOT);
    return preferences.all().stream().filter(p -> p.email().equals(key)).findFirst().orElseThrow();
  }
}
