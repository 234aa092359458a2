package org.improvementhub.portal.editing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "Change your password": anyone signed in (a board member here, who reads only) reaches it from
 * every page's footer; the form sends the current and new password to tenancy's {@code POST
 * /auth/password} with the person's token, and shows tenancy's refusals, a lock-out included, in
 * the error summary against their field.
 */
@MicronautTest
class PasswordPagesTest extends AgainstStandInServices {

  private static final String BOARD_MEMBER = "board-member@walsall.test";

  @Test
  void theFormIsOneFooterLinkAwayAndAChangeIsSentWithThePersonsToken() {
    Browsing person = Browsing.signedIn(server.getURI(), BOARD_MEMBER);
    HttpResponse<String> form = person.get("/account/password");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("<title>Change your password")
        .contains("href=\"/account/password\"")
        .contains("autocomplete=\"current-password\"", "autocomplete=\"new-password\"")
        .contains("Use at least 12 characters");
    fake.on("POST", "/auth/password", 204, "");
    fake.forgetCalls();

    HttpResponse<String> changed =
        person.post(
            "/account/password",
            Map.of("currentPassword", "old-long-password", "newPassword", "new-long-password"));

    assertThat(changed.statusCode()).isEqualTo(303);
    assertThat(changed.headers().firstValue("Location")).hasValue("/account/password?changed=true");
    assertThat(fake.calls("POST", "/auth/password"))
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.caller()).isEqualTo(BOARD_MEMBER);
              assertThat(call.body())
                  .contains("\"currentPassword\":\"old-long-password\"")
                  .contains("\"newPassword\":\"new-long-password\"");
            });
    assertThat(person.get("/account/password?changed=true").body())
        .contains("Your password has been changed");
  }

  @Test
  void emptyFieldsAndTenancysRefusalsAreShownAgainstTheirField() {
    Browsing person = Browsing.signedIn(server.getURI(), BOARD_MEMBER);
    HttpResponse<String> empty =
        person.post("/account/password", Map.of("currentPassword", "", "newPassword", ""));
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body())
        .contains("<title>Error: Change your password")
        .contains("<a href=\"#currentPassword\">Enter your current password</a>")
        .contains("<a href=\"#newPassword\">Enter a new password</a>");

    fake.on(
        "POST",
        "/auth/password",
        400,
        "{\"type\":\"invalid\",\"title\":\"Invalid\",\"status\":400,\"detail\":\"invalid\","
            + "\"errors\":[{\"field\":\"newPassword\",\"message\":\"is one of the most common"
            + " passwords: choose another, such as three words\"}]}");
    HttpResponse<String> common =
        person.post(
            "/account/password",
            Map.of("currentPassword", "old-long-password", "newPassword", "password1234"));
    assertThat(common.statusCode()).isEqualTo(422);
    assertThat(common.body())
        .contains("<a href=\"#newPassword\">New password is one of the most common passwords");

    fake.on(
        "POST",
        "/auth/password",
        429,
        "{\"type\":\"too-many-requests\",\"status\":429,"
            + "\"detail\":\"Too many failed sign-ins: try again in 15 minutes\"}");
    HttpResponse<String> locked =
        person.post(
            "/account/password",
            Map.of("currentPassword", "guess-again-now", "newPassword", "new-long-password"));
    assertThat(locked.statusCode()).isEqualTo(422);
    assertThat(locked.body())
        .contains("<a href=\"#currentPassword\">Too many failed sign-ins: try again in 15 minutes");
  }

  @Test
  void signedOutItAsksForSignInAndAFormWithoutTheTokenIsRefused() {
    HttpResponse<String> anonymous = Browsing.anonymous(server.getURI()).get("/account/password");
    assertThat(anonymous.statusCode()).isEqualTo(303);
    assertThat(anonymous.headers().firstValue("Location")).hasValue("/sign-in");

    Browsing person = Browsing.signedIn(server.getURI(), BOARD_MEMBER);
    HttpResponse<String> forged =
        person.post(
            "/account/password",
            Map.of("csrf", "forged", "currentPassword", "a", "newPassword", "b"));
    assertThat(forged.statusCode()).isEqualTo(403);
  }
}
