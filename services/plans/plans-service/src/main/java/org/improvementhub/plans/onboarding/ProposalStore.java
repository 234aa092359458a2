package org.improvementhub.plans.onboarding;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.improvementhub.plans.documents.ColumnRole;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * The council's proposals and remembered column choices, and what the council already has that a
 * document's names can be matched to; plain JDBC on the caller's transaction, schema-qualified.
 */
@Singleton
class ProposalStore {

  private final TransactionOperations<Connection> transactions;

  ProposalStore(TransactionOperations<Connection> transactions) {
    this.transactions = transactions;
  }

  /** A stored proposal; {@code mapping} and {@code view} are JSON. */
  record Stored(
      UUID id,
      String fileName,
      byte[] document,
      String mapping,
      String view,
      String status,
      UUID programmeId,
      String duplicates) {}

  void add(
      CouncilSlug council,
      UUID id,
      String fileName,
      byte[] document,
      String mapping,
      String view,
      String actor,
      Instant now,
      UUID programmeId) {
    update(
        council,
        "INSERT INTO %s.plan_document_proposal (id, file_name, document, mapping, proposal, status,"
            + " uploaded_by, uploaded_at, programme_id)"
            + " VALUES (?, ?, ?, ?::jsonb, ?::jsonb, 'PROPOSED', ?, ?, ?)",
        id,
        fileName,
        document,
        mapping,
        view,
        actor,
        Timestamp.from(now),
        programmeId);
  }

  Optional<Stored> find(CouncilSlug council, UUID id) {
    String sql =
        "SELECT id, file_name, document, mapping::text, proposal::text, status, programme_id,"
            + " duplicates::text FROM %s.plan_document_proposal WHERE id = ?"
                .formatted(council.schemaName());
    try (PreparedStatement statement = connection().prepareStatement(sql)) {
      statement.setObject(1, id);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Stored(
                rows.getObject(1, UUID.class),
                rows.getString(2),
                rows.getBytes(3),
                rows.getString(4),
                rows.getString(5),
                rows.getString(6),
                rows.getObject(7, UUID.class),
                rows.getString(8)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The proposal could not be read", e);
    }
  }

  void change(CouncilSlug council, UUID id, String mapping, String view) {
    update(
        council,
        "UPDATE %s.plan_document_proposal SET mapping = ?::jsonb, proposal = ?::jsonb WHERE id = ?",
        mapping,
        view,
        id);
  }

  void resolved(CouncilSlug council, UUID id, String duplicates, String view) {
    update(
        council,
        "UPDATE %s.plan_document_proposal SET duplicates = ?::jsonb, proposal = ?::jsonb WHERE id = ?",
        duplicates,
        view,
        id);
  }

  void confirmed(
      CouncilSlug council, UUID id, UUID programmeId, String view, String actor, Instant now) {
    update(
        council,
        "UPDATE %s.plan_document_proposal SET status = 'CONFIRMED', programme_id = ?, proposal = ?::jsonb,"
            + " confirmed_by = ?, confirmed_at = ? WHERE id = ?",
        programmeId,
        view,
        actor,
        Timestamp.from(now),
        id);
  }

  void applied(CouncilSlug council, UUID id, String view, String actor, Instant now) {
    update(
        council,
        "UPDATE %s.plan_document_proposal SET status = 'APPLIED', proposal = ?::jsonb,"
            + " confirmed_by = ?, confirmed_at = ? WHERE id = ?",
        view,
        actor,
        Timestamp.from(now),
        id);
  }

  Map<String, ColumnRole> remembered(CouncilSlug council) {
    Map<String, ColumnRole> roles = new HashMap<>();
    query(
        council,
        "SELECT header, role FROM %s.plan_document_column",
        rows -> roles.put(rows.getString(1), ColumnRole.valueOf(rows.getString(2))));
    return roles;
  }

  void remember(CouncilSlug council, String header, ColumnRole role, String actor, Instant now) {
    update(
        council,
        "INSERT INTO %s.plan_document_column (header, role, chosen_by, chosen_at) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (header) DO UPDATE SET role = EXCLUDED.role, chosen_by = EXCLUDED.chosen_by,"
            + " chosen_at = EXCLUDED.chosen_at",
        header,
        role.name(),
        actor,
        Timestamp.from(now));
  }

  /** The council's leads by lower-case name, each with the email it was last given. */
  Map<String, String> leadEmails(CouncilSlug council) {
    Map<String, String> emails = new HashMap<>();
    query(
        council,
        "SELECT name, email FROM %s.action_lead ORDER BY action_id, position",
        rows -> emails.put(rows.getString(1).strip().toLowerCase(Locale.ROOT), rows.getString(2)));
    return emails;
  }

  /** The council's drivers by ref: kind and words. */
  Map<String, String[]> drivers(CouncilSlug council) {
    Map<String, String[]> drivers = new LinkedHashMap<>();
    query(
        council,
        "SELECT ref, kind, text FROM %s.plan_driver ORDER BY created_at",
        rows ->
            drivers.putIfAbsent(
                rows.getString(1), new String[] {rows.getString(2), rows.getString(3)}));
    return drivers;
  }

  private interface RowReader {
    void read(ResultSet rows) throws SQLException;
  }

  private void query(CouncilSlug council, String sql, RowReader reader) {
    try (PreparedStatement statement =
            connection().prepareStatement(sql.formatted(council.schemaName()));
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        reader.read(rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The council's records could not be read", e);
    }
  }

  private void update(CouncilSlug council, String sql, Object... values) {
    try (PreparedStatement statement =
        connection().prepareStatement(sql.formatted(council.schemaName()))) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("The proposal could not be stored", e);
    }
  }

  private Connection connection() {
    return transactions.getConnection();
  }
}
