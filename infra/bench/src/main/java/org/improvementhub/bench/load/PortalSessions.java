package org.improvementhub.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs people in through the portal's own form, as a browser would, for a session cookie. */
public final class PortalSessions {

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public PortalSessions(String baseUrl) {
    this.base = URI.create(baseUrl);
  }

  /** Returns the session cookie ({@code name=value}) of a signed-in person. */
  public String signIn(String email, String password) {
    try {
      HttpResponse<String> form =
          http.send(
              HttpRequest.newBuilder(base.resolve("/sign-in")).build(),
              HttpResponse.BodyHandlers.ofString());
      String anonymous = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      Matcher csrf = CSRF.matcher(form.body());
      if (!csrf.find()) {
        throw new IllegalStateException("No form token on the sign-in page");
      }
      String body =
          "csrf="
              + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
              + "&email="
              + URLEncoder.encode(email, StandardCharsets.UTF_8)
              + "&password="
              + URLEncoder.encode(password, StandardCharsets.UTF_8);
      HttpResponse<String> signedIn =
          http.send(
              HttpRequest.newBuilder(base.resolve("/sign-in"))
                  .header("Cookie", anonymous)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (signedIn.statusCode() != 303) {
        throw new IllegalStateException("Portal sign-in failed: " + signedIn.statusCode());
      }
      return signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    } catch (IOException e) {
      throw new IllegalStateException("Portal sign-in failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
