package org.improvementhub.portal.page;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.improvementhub.portal.session.PortalSession;
import org.improvementhub.portal.session.Sessions;

/** Builds each page's model around the layout's {@link Page}. */
@Singleton
public class Pages {

  private final Sessions sessions;

  public Pages(Sessions sessions) {
    this.sessions = sessions;
  }

  /** A model holding {@code page} for the request's session, ready for the page's own values. */
  public Map<String, Object> model(HttpRequest<?> request, String title, String section) {
    PortalSession session = sessions.current(request).orElse(null);
    return model(session, title, section);
  }

  public Map<String, Object> model(PortalSession session, String title, String section) {
    Map<String, Object> model = new HashMap<>();
    model.put(
        "page",
        new Page(
            title,
            session == null ? null : session.person(),
            session == null ? "" : session.csrfToken(),
            section,
            false));
    model.put("errors", FormErrors.none());
    return model;
  }

  /** Puts a form's errors in the model and marks the page title as having errors. */
  public static void showErrors(Map<String, Object> model, FormErrors errors) {
    model.put("errors", errors);
    model.computeIfPresent("page", (key, page) -> ((Page) page).withErrors(errors.any()));
  }
}
