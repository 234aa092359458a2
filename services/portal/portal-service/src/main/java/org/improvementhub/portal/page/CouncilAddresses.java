package org.improvementhub.portal.page;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.improvementhub.portal.services.NotFoundAtService;
import org.improvementhub.portal.session.Person;
import org.improvementhub.portal.session.PortalSession;
import org.improvementhub.portal.session.Sessions;

/**
 * Another council's addresses are not found, before any page is built: a council's people see only
 * their own council, a DfE observer only the councils in their scope. The services answer the same
 * (404) for every call, but a page needs no call to be shown (a blank form, a council name already
 * remembered), and a form's post should not reach a service at all.
 */
@ServerFilter("/**")
public class CouncilAddresses {

  private static final Pattern COUNCIL = Pattern.compile("^(?:/oversight)?/councils/([^/]+)");

  private final Sessions sessions;

  public CouncilAddresses(Sessions sessions) {
    this.sessions = sessions;
  }

  @RequestFilter
  public void onlyTheirOwn(HttpRequest<?> request) {
    Matcher council = COUNCIL.matcher(request.getPath());
    if (!council.find()) {
      return;
    }
    Person person = sessions.current(request).map(PortalSession::person).orElse(null);
    if (person != null && !maySee(person, council.group(1))) {
      throw new NotFoundAtService("Council " + council.group(1));
    }
  }

  /** Platform staff (no council, not observers) are left to the services to answer. */
  static boolean maySee(Person person, String slug) {
    if (person.council() != null) {
      return person.council().equals(slug);
    }
    if (person.isObserver()) {
      return person.observerScope() != null
          && (person.observerScope().contains("*") || person.observerScope().contains(slug));
    }
    return true;
  }
}
