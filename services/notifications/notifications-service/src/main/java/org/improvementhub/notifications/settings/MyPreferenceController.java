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
import java.util.Locale;
import org.improvementhub.tenancy.context.HubClaims;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/**
 * {@code /councils/{council}/notification-preferences/me}: any of the council's own users reads and
 * sets how they hear about their actions (each email as it happens, or the weekly digest only). The
 * person is the token's subject, their sign-in email address. Platform admins and DfE observers are
 * not people of the council: they have no preference here.
 */
@Controller("/councils/{council}/notification-preferences/me")
// the council's own people: a platform admin or an observer has no preferences of their own here
@Secured({"COUNCIL_ADMIN", "PROGRAMME_MANAGER", "ACTION_LEAD", "BOARD_MEMBER"})
public class MyPreferenceController {

  private final PersonPreferences preferences;

  public MyPreferenceController(PersonPreferences preferences) {
    this.preferences = preferences;
  }

  @Get
  public MyPreference read(@PathVariable String council, Authentication who) {
    String email = ownAddress(council, who);
    return MyPreference.of(email, preferences.of(email));
  }

  @Put
  public MyPreference choose(
      @PathVariable String council,
      @Body @NotNull @Valid PreferenceChange change,
      Authentication who) {
    String email = ownAddress(council, who);
    preferences.choose(email, change.mode(), email);
    return MyPreference.of(email, preferences.of(email));
  }

  /**
   * The caller's address, if they are one of this council's users (the filter checked the rest).
   */
  private static String ownAddress(String council, Authentication who) {
    if (!council.equals(who.getAttributes().get(HubClaims.COUNCIL))) {
      throw ProblemException.of(
          ProblemType.FORBIDDEN, "Only the council's own users have notification preferences");
    }
    String email = who.getName().strip().toLowerCase(Locale.ROOT);
    if (email.length() > 254 || !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
      throw ProblemException.of(
          ProblemType.FORBIDDEN, "Your sign-in has no email address to send notifications to");
    }
    return email;
  }
}
