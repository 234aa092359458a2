package org.improvementhub.portal.page;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.improvementhub.portal.services.InvalidAtService;
import org.improvementhub.portal.session.Person;
import org.improvementhub.portal.session.Sessions;

/**
 * A form a signed-in person posted with this session's token: its values, trimmed and without the
 * token, and the errors the page's own checks add. {@link #send} does what every form page does
 * after checking: if the checks passed, the page's call to the service, then a redirect to where
 * the "saved" banner shows; if they failed, or the service refused (problem+json), the same form
 * again with what was typed and the errors in the GOV.UK error summary, 422.
 */
public final class PostedForm {

  private final Person person;
  private final Map<String, String> values;
  private final FormErrors errors = FormErrors.none();

  private PostedForm(Person person, Map<String, String> values) {
    this.person = person;
    this.values = values;
  }

  /** The form, once the session is signed in and the form carries its token. */
  public static PostedForm read(
      Sessions sessions, HttpRequest<?> request, Map<String, String> body) {
    return new PostedForm(
        sessions.signedInForm(request, body.get("csrf")).person(), FormValues.of(body));
  }

  public Person person() {
    return person;
  }

  /** What was typed, to check and to show again. */
  public Map<String, String> values() {
    return values;
  }

  /** A field's value, empty when it was not sent. */
  public String value(String name) {
    return values.getOrDefault(name, "");
  }

  /** The errors found so far; the page's checks add to them. */
  public FormErrors errors() {
    return errors;
  }

  /**
   * @param refusals how the service's refusal shows on this form
   * @param save the calls to the services; gives where to go once they succeeded
   * @param again the form's page showing these errors
   */
  public HttpResponse<?> send(
      ServiceErrors refusals,
      Supplier<URI> save,
      Function<FormErrors, ModelAndView<Map<String, Object>>> again) {
    FormErrors shown = errors;
    if (!errors.any()) {
      try {
        return HttpResponse.seeOther(save.get());
      } catch (InvalidAtService refused) {
        shown = refusals.of(refused);
      }
    }
    return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(again.apply(shown));
  }
}
