package org.improvementhub.messaging.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.improvementhub.messaging.schema.ServiceSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's backlog as gauges: {@code hub.outbox.unsent} (events not yet published) and {@code
 * hub.outbox.oldest.unsent.age} (seconds since the oldest of them happened; 0 when none). A growing
 * age means the relay is stuck (Kafka away, the relay stopped), whatever the count. One query per
 * reading (kept {@code hub.outbox.backlog.reading-lifetime}, 1 s) serves both gauges; a failed
 * query reads as NaN, which Prometheus shows as a gap.
 */
@Singleton
public class OutboxBacklog implements MeterBinder {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxBacklog.class);

  // resolved at the first scrape: the meter registry is built while the data source is (Hikari's
  // pool metrics), so injecting the data source (or the schema, which needs it) directly would loop
  private final BeanProvider<DataSource> dataSource;
  private final DataSourceResolver resolver;
  private final BeanProvider<ServiceSchema> schema;
  private final Clock clock;
  private final Duration fresh;
  private volatile Reading last = new Reading(Instant.MIN, Double.NaN, Double.NaN);

  public OutboxBacklog(
      BeanProvider<DataSource> dataSource,
      DataSourceResolver resolver,
      BeanProvider<ServiceSchema> schema,
      Clock clock,
      @Value("${hub.outbox.backlog.reading-lifetime:1s}") Duration fresh) {
    this.fresh = fresh;
    this.dataSource = dataSource;
    this.resolver = resolver;
    this.schema = schema;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("hub.outbox.unsent", this, backlog -> backlog.read().unsent())
        .description("Events in the outbox not yet published to Kafka")
        .register(registry);
    Gauge.builder("hub.outbox.oldest.unsent.age", this, backlog -> backlog.read().oldestAge())
        .description("Seconds since the oldest unpublished event happened (0 when none)")
        .baseUnit("seconds")
        .register(registry);
  }

  private Reading read() {
    Instant now = clock.instant();
    Reading reading = last;
    if (reading.at().plus(fresh).isAfter(now)) {
      return reading;
    }
    try (Connection connection = resolver.resolve(dataSource.get()).getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT count(*), min(occurred_at) FROM "
                    + schema.get().table("outbox_event")
                    + " WHERE published_at IS NULL");
        ResultSet row = query.executeQuery()) {
      row.next();
      long unsent = row.getLong(1);
      Timestamp oldest = row.getTimestamp(2);
      double age =
          oldest == null
              ? 0
              : Math.max(0, Duration.between(oldest.toInstant(), now).toNanos() / 1e9);
      reading = new Reading(now, unsent, age);
    } catch (SQLException e) {
      LOG.warn("Outbox backlog could not be read: {}", e.getMessage());
      reading = new Reading(now, Double.NaN, Double.NaN);
    }
    last = reading;
    return reading;
  }

  private record Reading(Instant at, double unsent, double oldestAge) {}
}
