package org.improvementhub.oversight.council;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.improvementhub.messaging.envelope.EventCodec;
import org.improvementhub.messaging.envelope.EventEnvelope;
import org.improvementhub.oversight.tally.ReadModelVersion;
import org.improvementhub.tenancy.events.CouncilActivated;
import org.improvementhub.tenancy.events.CouncilProvisioned;
import org.improvementhub.tenancy.events.CouncilStatusChanged;

/** Keeps the councils observers may follow, as tenancy announced them. Idempotent upserts. */
@Singleton
public class CouncilProjection {

  private final TransactionOperations<Connection> transactions;
  private final EventCodec codec;
  private final ReadModelVersion version;

  public CouncilProjection(
      TransactionOperations<Connection> transactions, EventCodec codec, ReadModelVersion version) {
    this.transactions = transactions;
    this.codec = codec;
    this.version = version;
  }

  public void apply(EventEnvelope event) {
    transactions.executeWrite(
        status -> {
          apply(status.getConnection(), event);
          return null;
        });
  }

  /** Applies the event inside the caller's transaction. */
  public void apply(Connection connection, EventEnvelope event) throws SQLException {
    if (CouncilProvisioned.TYPE.equals(event.type())) {
      CouncilProvisioned council = codec.dataOf(event, CouncilProvisioned.class);
      try (PreparedStatement upsert =
          connection.prepareStatement(
              "INSERT INTO oversight.observed_council (slug, name, la_code, status, provisioned_at)"
                  + " VALUES (?, ?, ?, 'PROVISIONING', ?) ON CONFLICT (slug) DO UPDATE SET"
                  + " name = EXCLUDED.name, la_code = EXCLUDED.la_code,"
                  + " provisioned_at = EXCLUDED.provisioned_at")) {
        upsert.setString(1, council.slug());
        upsert.setString(2, council.name());
        upsert.setInt(3, council.laCode());
        upsert.setTimestamp(4, Timestamp.from(event.occurredAt()));
        upsert.executeUpdate();
      }
    } else if (CouncilActivated.TYPE.equals(event.type())) {
      CouncilActivated council = codec.dataOf(event, CouncilActivated.class);
      try (PreparedStatement upsert =
          connection.prepareStatement(
              "INSERT INTO oversight.observed_council (slug, name, status, activated_at)"
                  + " VALUES (?, ?, 'ACTIVE', ?) ON CONFLICT (slug) DO UPDATE SET"
                  + " status = 'ACTIVE', activated_at = EXCLUDED.activated_at")) {
        upsert.setString(1, council.slug());
        upsert.setString(2, council.name());
        upsert.setTimestamp(3, Timestamp.from(event.occurredAt()));
        upsert.executeUpdate();
      }
    } else if (CouncilStatusChanged.TYPE.equals(event.type())) {
      // suspended, reinstated or archived: observers see the status on the dashboard
      CouncilStatusChanged council = codec.dataOf(event, CouncilStatusChanged.class);
      try (PreparedStatement upsert =
          connection.prepareStatement(
              "INSERT INTO oversight.observed_council (slug, name, status)"
                  + " VALUES (?, ?, ?) ON CONFLICT (slug) DO UPDATE SET status = EXCLUDED.status")) {
        upsert.setString(1, council.slug());
        upsert.setString(2, council.name());
        upsert.setString(3, council.status());
        upsert.executeUpdate();
      }
    } else {
      return;
    }
    version.move(connection);
  }
}
