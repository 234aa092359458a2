package org.improvementhub.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.PostgresEndpoint;

/** What the tenancy ITs share: the bootstrap admin, signing in, and reading the database. */
final class TenancyTestSupport {

  static final String ADMIN_EMAIL = "admin@tenancy.test";
  static final String ADMIN_PASSWORD = "correct-horse-battery-staple";

  private TenancyTestSupport() {}

  /** A fresh database and a bootstrap admin; cheaper password hashing than production. */
  static HubTestProperties properties() {
    return HubTestProperties.freshDatabase()
        .with("hub.bootstrap.admin.email", ADMIN_EMAIL)
        .with("hub.bootstrap.admin.password", ADMIN_PASSWORD)
        .with("hub.passwords.bcrypt-strength", "10");
  }

  static ApiResponse login(HubApi api, String email, String password) {
    return api.post(
        "/auth/login", null, "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password));
  }

  /** Signs in and returns the bearer token, failing the test if sign-in fails. */
  static String token(HubApi api, String email, String password) {
    ApiResponse response = login(api, email, password);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("access_token").asText();
  }

  static String newCouncil(String slug, String name, int laCode) {
    return "{\"slug\":\"%s\",\"name\":\"%s\",\"laCode\":%d}".formatted(slug, name, laCode);
  }

  static String newUser(String email, String password, String... roles) {
    return "{\"email\":\"%s\",\"displayName\":\"Test Person\",\"password\":\"%s\",\"roles\":[%s]}"
        .formatted(email, password, quoted(roles));
  }

  static String newObserver(String email, String password, String... scope) {
    return ("{\"email\":\"%s\",\"displayName\":\"DfE Observer\",\"password\":\"%s\","
            + "\"roles\":[\"DFE_OBSERVER\"],\"observerScope\":[%s]}")
        .formatted(email, password, quoted(scope));
  }

  private static String quoted(String... values) {
    return String.join(",", List.of(values).stream().map(v -> "\"" + v + "\"").toList());
  }

  static void execute(PostgresEndpoint database, String sql) {
    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The first column of every row {@code sql} returns. */
  static List<String> query(PostgresEndpoint database, String sql, Object... parameters) {
    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
