package org.improvementhub.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.jdbc.DataSourceResolver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.improvementhub.messaging.schema.ServiceSchema;
import org.improvementhub.testsupport.infra.PostgresEndpoint;
import org.improvementhub.testsupport.infra.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Announced password changes on a real database: a token issued under an older version is refused
 * by the replica that heard the change at once and by another replica once it reloads; a replay of
 * an older announcement undoes nothing; people with no change, and changes older than any token, do
 * not refuse anything.
 */
class AnnouncedCredentialsIT {

  private static final Duration REFRESH = Duration.ofSeconds(10);
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-24T10:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
  private HikariDataSource dataSource;
  private ServiceSchema schema;

  @BeforeEach
  void database() {
    PostgresEndpoint database = TestInfrastructure.shared().freshDatabase();
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(database.jdbcUrl());
    dataSource.setUsername(database.user());
    dataSource.setPassword(database.password());
    dataSource.setMaximumPoolSize(4);
    schema = new ServiceSchema("credcheck", dataSource, DataSourceResolver.DEFAULT);
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  @Test
  void aTokenFromBeforeTheChangeIsRefusedAndOneFromAfterIsGood() {
    AnnouncedCredentials credentials = replica();
    assertThat(credentials.stillCurrent("pm@walsall.test", null))
        .as("nobody has changed anything yet")
        .isTrue();

    credentials.record("PM@Walsall.test", 1, now.get());

    assertThat(credentials.stillCurrent("pm@walsall.test", null))
        .as("a token from before versions existed")
        .isFalse();
    assertThat(credentials.stillCurrent("pm@walsall.test", 0)).isFalse();
    assertThat(credentials.stillCurrent("PM@walsall.test", 0L))
        .as("any case, any number")
        .isFalse();
    assertThat(credentials.stillCurrent("pm@walsall.test", 1)).isTrue();
    assertThat(credentials.stillCurrent("pm@walsall.test", 2L)).isTrue();
    assertThat(credentials.stillCurrent("other@walsall.test", 0)).as("another person").isTrue();
  }

  @Test
  void aReplayOfAnOlderAnnouncementUndoesNothing() {
    AnnouncedCredentials credentials = replica();
    credentials.record("pm@walsall.test", 2, now.get());
    credentials.record("pm@walsall.test", 1, now.get().minusSeconds(60));

    assertThat(credentials.stillCurrent("pm@walsall.test", 1)).isFalse();
    assertThat(credentials.stillCurrent("pm@walsall.test", 2)).isTrue();
  }

  @Test
  void anotherReplicaRefusesTheOldTokenOnceItReloads() {
    AnnouncedCredentials heard = replica();
    AnnouncedCredentials other = replica();
    assertThat(other.stillCurrent("pm@walsall.test", 0)).isTrue(); // loaded: nothing changed

    heard.record("pm@walsall.test", 1, now.get());

    assertThat(heard.stillCurrent("pm@walsall.test", 0)).isFalse();
    assertThat(other.stillCurrent("pm@walsall.test", 0))
        .as("within its refresh the other replica still answers from memory")
        .isTrue();
    now.set(now.get().plus(REFRESH).plusSeconds(1));
    assertThat(other.stillCurrent("pm@walsall.test", 0)).isFalse();
  }

  @Test
  void aChangeOlderThanAnyTokenIsNotLoaded() {
    AnnouncedCredentials credentials = replica();
    credentials.record("pm@walsall.test", 1, now.get().minus(Duration.ofDays(2)));

    assertThat(credentials.stillCurrent("pm@walsall.test", 0)).isTrue();
  }

  private AnnouncedCredentials replica() {
    return new AnnouncedCredentials(dataSource, DataSourceResolver.DEFAULT, schema, clock, REFRESH);
  }
}
