package org.improvementhub.portal.page;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.improvementhub.web.admission.BusyAnswer;
import org.improvementhub.web.admission.Refusal;

/**
 * The page a person gets when the portal has too many pages in progress to take theirs (admission's
 * {@code hub.admission.*}): status 503 with {@code Retry-After}, in GOV.UK style. It is a fixed
 * page, written once, because it is answered on the event loop before any session is read and must
 * cost next to nothing; the page a service's own "busy" gives is {@code errors/busy}, rendered with
 * the person's navigation.
 */
@Singleton
public class BusyPage implements BusyAnswer {

  private final String retryAfterSeconds;
  private final String html;

  public BusyPage(@Value("${hub.admission.retry-after:5}") int retryAfterSeconds) {
    this.retryAfterSeconds = String.valueOf(retryAfterSeconds);
    this.html =
        """
        <!DOCTYPE html>
        <html lang="en" class="govuk-template govuk-template--rebranded">
        <head>
          <meta charset="utf-8">
          <title>Sorry, the service is busy - Improvement Hub</title>
          <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
          <link rel="stylesheet" href="/govuk/govuk-frontend.min.css">
        </head>
        <body class="govuk-template__body">
          <div class="govuk-width-container">
            <main class="govuk-main-wrapper" id="main-content">
              <h1 class="govuk-heading-l">Sorry, the service is busy</h1>
              <p class="govuk-body">Too many people are using the service just now.</p>
              <p class="govuk-body">Try again in a few seconds. Anything you saved before this page \
        appeared has been kept.</p>
            </main>
          </div>
        </body>
        </html>
        """;
  }

  @Override
  public MutableHttpResponse<?> to(HttpRequest<?> request, Refusal reason) {
    return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
        .contentType(MediaType.TEXT_HTML_TYPE)
        .header("Retry-After", retryAfterSeconds)
        .body(html);
  }
}
