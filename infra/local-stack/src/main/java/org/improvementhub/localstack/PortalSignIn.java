package org.improvementhub.localstack;

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

/**
 * Signs people in through the portal's own form, as a browser does: it reads the sign-in page for
 * its form token and anonymous session cookie, then posts the email and password with both. One
 * helper for the stack's ITs and the benches, so the form's fields are spelt in one place.
 */
public final class PortalSignIn {

  /** The portal's session cookie's name. */
  public static final String SESSION_COOKIE = "hub_session";

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final URI base;
  private final HttpClient http;

  public PortalSignIn(String portalBaseUrl) {
    this.base = URI.create(portalBaseUrl);
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /**
   * The portal's answer to the sign-in form, and the cookie the form page gave.
   *
   * @param response the answer to the form's post: 303 when signed in, 422 with the reason if not
   * @param formCookie the anonymous session cookie ({@code name=value}) the sign-in page set
   */
  public record Answer(HttpResponse<String> response, String formCookie) {

    /** The session cookie ({@code name=value}) the answer set, or the form's where it set none. */
    public String sessionCookie() {
      return response
          .headers()
          .firstValue("Set-Cookie")
          .map(c -> c.split(";")[0])
          .orElse(formCookie);
    }
  }

  /** Submits the form from this machine. */
  public Answer submit(String email, String password) {
    return submit(email, password, null);
  }

  /**
   * Submits the form as a browser at {@code browserAddress} behind the Ingress would: the address
   * goes in {@code X-Forwarded-For}, which the local stack's portal trusts from this machine.
   */
  public Answer submit(String email, String password, String browserAddress) {
    try {
      HttpResponse<String> form =
          http.send(
              request("/sign-in", browserAddress).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      String anonymous = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      Matcher csrf = CSRF.matcher(form.body());
      if (!csrf.find()) {
        throw new IllegalStateException("No form token on the sign-in page: " + form.statusCode());
      }
      String body =
          "csrf="
              + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
              + "&email="
              + URLEncoder.encode(email, StandardCharsets.UTF_8)
              + "&password="
              + URLEncoder.encode(password, StandardCharsets.UTF_8);
      HttpResponse<String> answer =
          http.send(
              request("/sign-in", browserAddress)
                  .header("Cookie", anonymous)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(answer, anonymous);
    } catch (IOException e) {
      throw new IllegalStateException("Portal sign-in failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Signs in (a 303, or it throws) and returns the session cookie ({@code name=value}). */
  public String signIn(String email, String password) {
    Answer answer = submit(email, password);
    if (answer.response().statusCode() != 303) {
      throw new IllegalStateException("Portal sign-in failed: " + answer.response().statusCode());
    }
    return answer.response().headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
  }

  private HttpRequest.Builder request(String path, String browserAddress) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
    if (browserAddress != null) {
      request.header("X-Forwarded-For", browserAddress);
    }
    return request;
  }
}
