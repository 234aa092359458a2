package org.improvementhub.tenancy.password;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.PostgresEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /auth/password}: a signed-in person (a board member here: read-only roles change
 * their own password too) changes it with the current one; the old one then signs in no more; the
 * change is recorded without any password; tokens issued before it are refused (401) and those
 * issued after, or to anyone else, are not; wrong current passwords count as failed sign-ins and
 * lock the account; every refusal is problem+json naming its field.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordChangeIT implements TestPropertyProvider {

  private static final String ADMIN_EMAIL = "admin@password.test";
  private static final String ADMIN_PASSWORD = "correct-horse-battery-staple";
  private static final String PASSWORD = "the-first-long-password";
  private static final String NEW_PASSWORD = "a-second-long-password";

  private final HubTestProperties properties =
      HubTestProperties.freshDatabase()
          .with("hub.bootstrap.admin.email", ADMIN_EMAIL)
          .with("hub.bootstrap.admin.password", ADMIN_PASSWORD)
          .with("hub.passwords.bcrypt-strength", "4");

  @Inject EmbeddedServer server;
  private HubApi api;
  private String admin;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @BeforeAll
  void signInAsAdmin() {
    api = new HubApi(server.getURL().toString());
    admin = token(ADMIN_EMAIL, ADMIN_PASSWORD);
  }

  @Test
  void theNewPasswordSignsInTheOldOneNoMoreAndTheChangeIsRecordedWithoutIt() {
    String email = newObserver("changer");
    String token = token(email, PASSWORD);

    ApiResponse changed = change(token, PASSWORD, NEW_PASSWORD);

    assertThat(changed.status()).as(changed.body()).isEqualTo(204);
    assertThat(changed.header("Cache-Control")).hasValue("no-store");
    assertThat(login(email, PASSWORD).status()).as("the old password").isEqualTo(401);
    assertThat(login(email, NEW_PASSWORD).status()).as("the new password").isEqualTo(200);
    List<String> recorded = changesOf(email);
    assertThat(recorded).singleElement().asString().contains(email).contains("127.0.0.1");
    assertThat(String.join(" ", recorded)).doesNotContain(PASSWORD, NEW_PASSWORD, "$2");
  }

  @Test
  void tokensIssuedBeforeAChangeAreRefusedAfterItAndOtherPeoplesAreNot() {
    String email = newObserver("revoked");
    String other = newObserver("bystander");
    String before = token(email, PASSWORD);
    String session = token(email, PASSWORD);
    String othersToken = token(other, PASSWORD);
    // used once first, so that a verifier that remembers accepted tokens knows them
    assertThat(api.get("/councils", before).status()).isEqualTo(200);
    assertThat(api.get("/councils", othersToken).status()).isEqualTo(200);

    assertThat(change(session, PASSWORD, NEW_PASSWORD).status()).isEqualTo(204);

    ApiResponse stale = api.get("/councils", before);
    assertThat(stale.status()).as("a token issued before the change").isEqualTo(401);
    assertThat(stale.isProblem()).isTrue();
    assertThat(api.get("/councils", session).status()).as("the changing session").isEqualTo(401);
    String after = token(email, NEW_PASSWORD);
    assertThat(api.get("/councils", after).status()).as("a token issued after").isEqualTo(200);
    assertThat(api.get("/councils", othersToken).status()).as("another person's").isEqualTo(200);
  }

  @Test
  void theChangeIsAnnouncedSoThatEveryOtherServiceRefusesTheOldTokensToo() {
    String email = newObserver("announced");
    assertThat(change(token(email, PASSWORD), PASSWORD, NEW_PASSWORD).status()).isEqualTo(204);

    List<String> announced = announcementsOf(email);
    assertThat(announced)
        .as("one CredentialsChanged, keyed by the person, in the change's transaction")
        .singleElement()
        .asString()
        .contains("\"credentialsVersion\":1")
        .contains("tenancy.council.v1")
        .doesNotContain(PASSWORD, NEW_PASSWORD, "$2");
  }

  @Test
  void theNewPasswordMeetsThePolicyAndEachRefusalNamesItsField() {
    String email = newObserver("policy");
    String token = token(email, PASSWORD);

    assertNamed(change(token, PASSWORD, "too-short"), "newPassword", "at least 12");
    assertNamed(change(token, PASSWORD, "password1234"), "newPassword", "most common");
    assertNamed(change(token, PASSWORD, PASSWORD), "newPassword", "different");
    assertNamed(
        api.post("/auth/password", token, "{\"newPassword\":\"" + NEW_PASSWORD + "\"}"),
        "currentPassword",
        "");
    assertNamed(
        api.post("/auth/password", token, "{\"currentPassword\":\"" + PASSWORD + "\"}"),
        "newPassword",
        "");
    assertThat(login(email, PASSWORD).status()).as("nothing changed").isEqualTo(200);
    assertThat(changesOf(email)).isEmpty();
    assertThat(change(null, PASSWORD, NEW_PASSWORD).status()).as("no token").isEqualTo(401);
  }

  @Test
  void wrongCurrentPasswordsCountAsFailedSignInsAndLockTheAccount() {
    String email = newObserver("guessed");
    String token = token(email, PASSWORD);
    for (int i = 1; i <= 5; i++) {
      assertNamed(
          change(token, "wrong-guess-" + i, NEW_PASSWORD), "currentPassword", "is not right");
    }

    ApiResponse locked = change(token, PASSWORD, NEW_PASSWORD);
    assertThat(locked.status()).as("the right password waits too").isEqualTo(429);
    assertThat(locked.isProblem()).isTrue();
    assertThat(locked.header("Retry-After")).isPresent();
    assertThat(login(email, PASSWORD).status()).as("sign-in is locked as well").isEqualTo(429);
    assertThat(changesOf(email)).isEmpty();
  }

  private void assertNamed(ApiResponse refused, String field, String message) {
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.isProblem()).isTrue();
    assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
    assertThat(refused.json().path("errors").get(0).path("message").asText()).contains(message);
    assertThat(refused.body()).doesNotContain(PASSWORD, NEW_PASSWORD);
  }

  private ApiResponse change(String token, String current, String next) {
    return api.post(
        "/auth/password",
        token,
        "{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}".formatted(current, next));
  }

  /** A DfE observer of every council: a read-only role. */
  private String newObserver(String name) {
    String email = name + "@password.test";
    String body =
        ("{\"email\":\"%s\",\"displayName\":\"Someone\",\"password\":\"%s\","
                + "\"roles\":[\"DFE_OBSERVER\"],\"observerScope\":[\"*\"]}")
            .formatted(email, PASSWORD);
    ApiResponse created = api.post("/users", admin, body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return email;
  }

  private ApiResponse login(String email, String password) {
    return api.post(
        "/auth/login", null, "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password));
  }

  private String token(String email, String password) {
    ApiResponse login = login(email, password);
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    return login.json().path("access_token").asText();
  }

  /** Every recorded change of the account, each row's columns joined. */
  private List<String> changesOf(String email) {
    return rows(
        "SELECT c.* FROM tenancy.password_change c"
            + " JOIN tenancy.user_account u ON u.id = c.user_id WHERE u.email = ?",
        email);
  }

  /** The outbox's announcements of the person's credentials changes: topic and envelope. */
  private List<String> announcementsOf(String email) {
    return rows(
        "SELECT topic, envelope FROM tenancy.outbox_event"
            + " WHERE event_type = 'CredentialsChanged' AND message_key = ?",
        email);
  }

  /** The rows {@code sql} (one parameter) returns, each row's columns joined. */
  private List<String> rows(String sql, String parameter) {
    PostgresEndpoint database = properties.database();
    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, parameter);
      List<String> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= columns; i++) {
            row.append(result.getString(i)).append(' ');
          }
          rows.add(row.toString());
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
