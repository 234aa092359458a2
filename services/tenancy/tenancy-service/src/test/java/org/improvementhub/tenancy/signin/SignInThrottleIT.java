package org.improvementhub.tenancy.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.clock.MovableClock;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.PostgresEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Five wrong passwords lock an account for 15 minutes and twenty failures lock an address, with a
 * 429 problem and {@code Retry-After} that is the same whether or not the account exists; a success
 * clears the account's count; the lock is in the database, so another tenancy instance (or the same
 * one restarted) refuses too. Each test signs in from its own address (the test client is a trusted
 * proxy here, so {@code X-Forwarded-For} names the address).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInThrottleIT implements TestPropertyProvider {

  private static final String ADMIN_EMAIL = "admin@throttle.test";
  private static final String ADMIN_PASSWORD = "correct-horse-battery-staple";
  private static final String PASSWORD = "a-long-enough-password";
  private static final ZoneId UK = ZoneId.of("Europe/London");

  private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final HubTestProperties properties =
      HubTestProperties.freshDatabase()
          .with("hub.bootstrap.admin.email", ADMIN_EMAIL)
          .with("hub.bootstrap.admin.password", ADMIN_PASSWORD)
          .with("hub.passwords.bcrypt-strength", "4")
          .with("hub.test.movable-clock", start.toString())
          .with("hub.sign-in.trusted-proxies", "127.0.0.1,0:0:0:0:0:0:0:1");
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger addresses = new AtomicInteger(1);

  @Inject EmbeddedServer server;
  @Inject MovableClock clock;
  private HubApi api;
  private String admin;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @BeforeAll
  void signInAsAdmin() {
    api = new HubApi(server.getURL().toString());
    HttpResponse<String> response = login(server, ADMIN_EMAIL, ADMIN_PASSWORD, "192.0.2.250");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    admin = response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
  }

  @Test
  void fiveWrongPasswordsLockTheAccountAndAnUnknownEmailGetsTheSameAnswer() {
    String email = newPlatformUser("locked");
    String address = nextAddress();
    String unknown = "nobody-" + address + "@throttle.test";
    for (int i = 1; i <= 5; i++) {
      assertThat(login(server, email, "wrong-password-" + i, address).statusCode())
          .as("failure %d of 5 is still a plain 401", i)
          .isEqualTo(401);
      assertThat(login(server, unknown, "wrong-password-" + i, nextAddress()).statusCode())
          .isEqualTo(401);
    }

    HttpResponse<String> locked = login(server, email, PASSWORD, nextAddress());
    HttpResponse<String> lockedUnknown = login(server, unknown, PASSWORD, nextAddress());
    for (HttpResponse<String> refused : new HttpResponse[] {locked, lockedUnknown}) {
      assertThat(refused.statusCode()).as("the right password waits too").isEqualTo(429);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("900");
      assertThat(refused.body())
          .contains("too-many-requests")
          .contains("try again in 15 minutes")
          .doesNotContain(PASSWORD);
    }
    assertThat(lockedUnknown.body())
        .as("nothing tells an account from an email nobody has")
        .isEqualTo(locked.body());
    assertThat(lockouts("ACCOUNT", email)).isEqualTo(1);

    try (EmbeddedServer other =
        ApplicationContext.run(EmbeddedServer.class, new HashMap<>(properties.build()))) {
      assertThat(login(other, email, PASSWORD, nextAddress()).statusCode())
          .as("another instance (or this one restarted) knows the lock-out")
          .isEqualTo(429);
    }

    ZonedDateTime later = clock.instant().plusSeconds(15 * 60 + 1).atZone(UK);
    clock.moveTo(later.toLocalDate(), later.toLocalTime());
    assertThat(login(server, email, PASSWORD, nextAddress()).statusCode())
        .as("after 15 minutes the account signs in again")
        .isEqualTo(200);
  }

  @Test
  void aSuccessForgetsTheAccountsFailures() {
    String email = newPlatformUser("forgiven");
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 4; i++) {
        assertThat(login(server, email, "wrong-password", nextAddress()).statusCode())
            .isEqualTo(401);
      }
      assertThat(login(server, email, PASSWORD, nextAddress()).statusCode()).isEqualTo(200);
    }
    assertThat(lockouts("ACCOUNT", email)).isZero();
  }

  @Test
  void twentyFailuresFromOneAddressLockTheAddressNotTheAccounts() {
    String email = newPlatformUser("sprayed");
    String address = nextAddress();
    for (int i = 0; i < 20; i++) {
      assertThat(
              login(server, "guess-" + i + "@throttle.test", "wrong-password", address)
                  .statusCode())
          .isEqualTo(401);
    }
    HttpResponse<String> fromThere = login(server, email, PASSWORD, address);
    assertThat(fromThere.statusCode()).isEqualTo(429);
    assertThat(fromThere.headers().firstValue("Retry-After")).isPresent();
    assertThat(login(server, email, PASSWORD, nextAddress()).statusCode())
        .as("the same account from elsewhere")
        .isEqualTo(200);
    assertThat(lockouts("ADDRESS", address)).isEqualTo(1);
  }

  @Test
  void anAddressTypedByAnUntrustedClientIsNotBelieved() {
    // the rightmost X-Forwarded-For entry is the one the trusted proxy (here, the test) added
    String address = nextAddress();
    for (int i = 0; i < 20; i++) {
      login(server, "spoof-" + i + "@throttle.test", "wrong", "198.51.100." + i + ", " + address);
    }
    assertThat(lockouts("ADDRESS", address)).isEqualTo(1);
  }

  private String newPlatformUser(String name) {
    String email = name + "@throttle.test";
    String body =
        ("{\"email\":\"%s\",\"displayName\":\"Throttled\",\"password\":\"%s\","
                + "\"roles\":[\"PLATFORM_ADMIN\"]}")
            .formatted(email, PASSWORD);
    assertThat(api.post("/users", admin, body).status()).isEqualTo(201);
    return email;
  }

  private String nextAddress() {
    return "203.0.113." + addresses.getAndIncrement();
  }

  private HttpResponse<String> login(
      EmbeddedServer target, String email, String password, String forwardedFor) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(target.getURL() + "/auth/login"))
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", forwardedFor)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password)))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private int lockouts(String kind, String key) {
    PostgresEndpoint database = properties.database();
    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT count(*) FROM tenancy.sign_in_lockout WHERE kind = ? AND key = ?")) {
      statement.setString(1, kind);
      statement.setString(2, key);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
