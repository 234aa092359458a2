package org.improvementhub.messaging.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.jdbc.DataSourceResolver;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.improvementhub.testsupport.infra.PostgresEndpoint;
import org.improvementhub.testsupport.infra.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway is left alone only when nothing changed: the scripts read without Flyway carry Flyway's
 * own versions, descriptions and checksums (from a folder and from a jar, with a byte-order mark,
 * CRLF line ends and non-ASCII text), a second start of a service schema does not hand anything to
 * Flyway, and an edited script still reaches Flyway, which refuses it.
 */
class MigrationScriptsIT {

  private static final String LOCATION = "db/sample/service";
  private static final Map<String, String> SCRIPTS =
      Map.of(
          "V1__first_table.sql",
          "\uFEFFCREATE TABLE first_table (id bigint PRIMARY KEY);\r\n-- café\r\n",
          "V2__second_table.sql",
          "CREATE TABLE second_table (\n  id bigint PRIMARY KEY\n);",
          "V10__third_thing.sql",
          "\n\nCREATE TABLE third_thing (id bigint);\n\n");

  @TempDir Path folder;
  private HikariDataSource dataSource;

  @BeforeEach
  void database() {
    PostgresEndpoint database = TestInfrastructure.shared().freshDatabase();
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(database.jdbcUrl());
    dataSource.setUsername(database.user());
    dataSource.setPassword(database.password());
    dataSource.setMaximumPoolSize(2);
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  @Test
  void scriptsReadFromAFolderOrAJarCarryFlywaysOwnChecksums() throws IOException {
    Path classes = scriptsIn(folder.resolve("classes"));
    Path jar = jarOf(classes, folder.resolve("scripts.jar"));

    for (URL root : List.of(classes.toUri().toURL(), jar.toUri().toURL())) {
      try (URLClassLoader loader =
          new URLClassLoader(new URL[] {root}, MigrationScriptsIT.class.getClassLoader())) {
        MigrationScripts scripts = MigrationScripts.read(loader, LOCATION).orElseThrow();
        List<MigrationScripts.Script> flyways = new ArrayList<>();
        for (MigrationInfo info : flyway(loader, "sample_info").load().info().all()) {
          flyways.add(
              new MigrationScripts.Script(
                  info.getVersion().getVersion(), info.getDescription(), info.getChecksum()));
        }

        assertThat(scripts.byVersion().values()).containsExactlyInAnyOrderElementsOf(flyways);
        assertThat(flyways).hasSize(3);
        assertThat(scripts.latestVersion()).isEqualTo("10");
      }
    }
  }

  @Test
  void anEditedScriptIsNoLongerAllAppliedAndFlywayRefusesIt() throws IOException, SQLException {
    Path classes = scriptsIn(folder.resolve("classes"));
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, MigrationScriptsIT.class.getClassLoader())) {
      flyway(loader, "edited").load().migrate();
      assertThat(MigrationScripts.read(loader, LOCATION).orElseThrow().allAppliedIn(history()))
          .isTrue();

      Files.writeString(
          classes.resolve(LOCATION).resolve("V2__second_table.sql"),
          "CREATE TABLE second_table (\n  id bigint PRIMARY KEY,\n  name text\n);");

      assertThat(MigrationScripts.read(loader, LOCATION).orElseThrow().allAppliedIn(history()))
          .isFalse();
      assertThatThrownBy(() -> flyway(loader, "edited").load().migrate())
          .isInstanceOf(FlywayException.class)
          .hasMessageContaining("checksum mismatch");
    }
  }

  @Test
  void aSecondStartLeavesFlywayAloneAndAChangedHistoryReachesIt() throws SQLException {
    ServiceSchema first = new ServiceSchema("startcheck", dataSource, DataSourceResolver.DEFAULT);
    assertThat(first.migratedByFlyway()).containsExactly("classpath:db/messaging");

    ServiceSchema second = new ServiceSchema("startcheck", dataSource, DataSourceResolver.DEFAULT);
    assertThat(second.migratedByFlyway()).isEmpty();

    // as if db/messaging/V1 had been edited after it was applied here
    execute(
        "UPDATE startcheck.flyway_history_messaging SET checksum = checksum + 1"
            + " WHERE version = '1'");
    assertThatThrownBy(
            () -> new ServiceSchema("startcheck", dataSource, DataSourceResolver.DEFAULT))
        .isInstanceOf(FlywayException.class)
        .hasMessageContaining("checksum mismatch");
  }

  private FluentConfiguration flyway(ClassLoader loader, String schema) {
    return Flyway.configure(loader)
        .dataSource(dataSource)
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(true)
        .table("flyway_history_sample")
        .locations("classpath:" + LOCATION);
  }

  private List<MigrationScripts.Applied> history() throws SQLException {
    List<MigrationScripts.Applied> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet history =
            statement.executeQuery(
                "SELECT version, description, checksum, type, success"
                    + " FROM edited.flyway_history_sample")) {
      while (history.next()) {
        rows.add(
            new MigrationScripts.Applied(
                history.getString(1),
                history.getString(2),
                history.getObject(3, Integer.class),
                history.getString(4),
                history.getBoolean(5)));
      }
    }
    return rows;
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static Path scriptsIn(Path classes) throws IOException {
    Path location = Files.createDirectories(classes.resolve(LOCATION));
    for (Map.Entry<String, String> script : SCRIPTS.entrySet()) {
      Files.writeString(location.resolve(script.getKey()), script.getValue());
    }
    return classes;
  }

  private static Path jarOf(Path classes, Path jar) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      String path = "";
      for (String part : LOCATION.split("/")) {
        path += part + "/";
        out.putNextEntry(new JarEntry(path));
        out.closeEntry();
      }
      for (Map.Entry<String, String> script : SCRIPTS.entrySet()) {
        out.putNextEntry(new JarEntry(LOCATION + "/" + script.getKey()));
        out.write(script.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }
}
