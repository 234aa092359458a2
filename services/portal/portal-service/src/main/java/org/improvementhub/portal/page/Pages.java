package org.improvementhub.portal.page;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.improvementhub.portal.services.CouncilNames;
import org.improvementhub.portal.session.Person;
import org.improvementhub.portal.session.PortalSession;
import org.improvementhub.portal.session.Sessions;

/** Builds each page's model around the layout's {@link Page}. */
@Singleton
public class Pages {

  private final Sessions sessions;
  private final CouncilNames councils;

  public Pages(Sessions sessions, CouncilNames councils) {
    this.sessions = sessions;
    this.councils = councils;
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

  /**
   * A council's page: the layout's model with the council's slug and its name for the caption
   * (looked up with the person's token, so another council's page is not found).
   */
  public Map<String, Object> council(
      HttpRequest<?> request, Person person, String slug, String title, String section) {
    Map<String, Object> model = model(request, title, section);
    model.put("council", slug);
    model.put("councilName", councils.name(person, slug));
    return model;
  }

  /**
   * A council's page that a form's redirect returns to: {@link #council} with the text the "saved"
   * banner names, if any.
   */
  public Map<String, Object> councilAfterForm(
      HttpRequest<?> request, Person person, String slug, String title, String section) {
    Map<String, Object> model = council(request, person, slug, title, section);
    model.put("saved", saved(request));
    return model;
  }

  /** What the "saved" banner names after a form's redirect ({@code ?saved=}), or null. */
  public static String saved(HttpRequest<?> request) {
    return request.getParameters().getFirst("saved").filter(s -> !s.isBlank()).orElse(null);
  }

  /** Puts a form's errors in the model and marks the page title as having errors. */
  public static void showErrors(Map<String, Object> model, FormErrors errors) {
    model.put("errors", errors);
    model.computeIfPresent("page", (key, page) -> ((Page) page).withErrors(errors.any()));
  }
}
