package org.improvementhub.tenancy.export;

import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.improvementhub.messaging.outbox.Outbox;
import org.improvementhub.tenancy.audit.TenancyAuditTrail;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.tenancy.context.CouncilStatus;
import org.improvementhub.tenancy.council.RegisteredCouncil;
import org.improvementhub.tenancy.council.RegisteredCouncilRepository;
import org.improvementhub.tenancy.events.CouncilRestored;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Exports a council's schema as one CSV per table (PostgreSQL {@code COPY}) in a zip, and loads
 * such an export into another council's freshly migrated, empty schema.
 *
 * <p>Tables and their order come from the catalogue, so a service that adds a table needs no change
 * here. Only the council's schema travels: the services' platform schemas (outboxes, inboxes, the
 * oversight read model) and tenancy's users do not (runbook).
 */
@Singleton
public class CouncilExports {

  private static final Pattern COLUMN = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");
  private static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;

  private final DataSource dataSource;
  private final RegisteredCouncilRepository councils;
  private final JsonMapper json;
  private final Clock clock;
  private final TransactionOperations<Connection> transactions;
  private final Outbox outbox;
  private final TenancyAuditTrail audit;

  public CouncilExports(
      DataSource dataSource,
      DataSourceResolver resolver,
      RegisteredCouncilRepository councils,
      JsonMapper json,
      Clock clock,
      TransactionOperations<Connection> transactions,
      Outbox outbox,
      TenancyAuditTrail audit) {
    this.audit = audit;
    this.dataSource = resolver.resolve(dataSource);
    this.transactions = transactions;
    this.outbox = outbox;
    this.councils = councils;
    this.json = json;
    this.clock = clock;
  }

  /** The council's data as a zip, read in one consistent snapshot. */
  public byte[] export(CouncilSlug council) {
    RegisteredCouncil registered = registered(council);
    String schema = council.schemaName();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Connection connection = dataSource.getConnection();
        ZipOutputStream zip = new ZipOutputStream(bytes)) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      try {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        List<String> tables = CouncilTables.inDependencyOrder(connection, schema);
        Map<String, Long> rows = new LinkedHashMap<>();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String table : tables) {
          csv.reset();
          rows.put(
              table,
              copy.copyOut(
                  "COPY (SELECT * FROM "
                      + schema
                      + "."
                      + table
                      + ") TO STDOUT WITH (FORMAT csv, HEADER true)",
                  csv));
          entries.put(ExportManifest.entryOf(table), csv.toByteArray());
        }
        ExportManifest manifest =
            new ExportManifest(
                ExportManifest.FORMAT,
                council.value(),
                registered.name(),
                clock.instant(),
                tables,
                CouncilTables.versions(connection, schema),
                rows);
        zip.putNextEntry(new ZipEntry(ExportManifest.ENTRY));
        zip.write(json.writeValueAsBytes(manifest));
        zip.closeEntry();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
          zip.putNextEntry(new ZipEntry(entry.getKey()));
          zip.write(entry.getValue());
          zip.closeEntry();
        }
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Council " + council + " could not be exported", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Loads {@code export} into {@code council}, which must be active (every service has migrated its
   * schema), at the export's schema versions, and empty. All or nothing: one transaction, which
   * also announces {@link CouncilRestored}.
   */
  public RestoreSummary restore(CouncilSlug council, byte[] export) {
    RegisteredCouncil registered = registered(council);
    if (registered.status() != CouncilStatus.ACTIVE) {
      throw ProblemException.of(
          ProblemType.CONFLICT,
          "Council '"
              + council
              + "' is "
              + registered.status()
              + ": restore into an ACTIVE council, once every service has migrated its schema");
    }
    Map<String, byte[]> entries = unzip(export);
    ExportManifest manifest = manifestOf(entries);
    // one transaction for the rows and the announcement: read models refill only for a restore
    // that committed, and every committed restore is announced (outbox)
    return transactions.executeWrite(
        status -> {
          RestoreSummary summary = load(status.getConnection(), council, manifest, entries);
          audit.record(council.value(), "council", council.value(), "RESTORED", null, summary);
          outbox.append(
              CouncilRestored.TOPIC,
              council,
              CouncilRestored.TYPE,
              1,
              council.value(),
              new CouncilRestored(council.value(), registered.name(), manifest.council()));
          return summary;
        });
  }

  private RestoreSummary load(
      Connection connection,
      CouncilSlug council,
      ExportManifest manifest,
      Map<String, byte[]> entries) {
    String schema = council.schemaName();
    try {
      Map<String, String> versions = CouncilTables.versions(connection, schema);
      if (!versions.equals(manifest.versions())) {
        throw ProblemException.of(
            ProblemType.CONFLICT,
            "The export was taken at schema versions "
                + manifest.versions()
                + " but council '"
                + council
                + "' is at "
                + versions
                + ": migrate both to the same release first");
      }
      List<String> tables = CouncilTables.inDependencyOrder(connection, schema);
      List<String> unknown = new ArrayList<>(manifest.tables());
      unknown.removeAll(tables);
      if (!unknown.isEmpty()) {
        throw ProblemException.invalidField(
            "file", "The export has tables this council does not: " + unknown);
      }
      requireEmpty(connection, schema, tables, council);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET CONSTRAINTS ALL DEFERRED");
      }
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      Map<String, Long> rows = new LinkedHashMap<>();
      for (String table : tables) {
        byte[] csv = entries.get(ExportManifest.entryOf(table));
        if (csv == null || csv.length == 0) {
          continue;
        }
        String columns = columnsOf(csv, table);
        rows.put(
            table,
            copy.copyIn(
                "COPY "
                    + schema
                    + "."
                    + table
                    + " ("
                    + columns
                    + ") FROM STDIN WITH (FORMAT csv, HEADER true)",
                new ByteArrayInputStream(csv)));
      }
      moveSequencesOn(connection, schema);
      return new RestoreSummary(council.value(), manifest.council(), rows);
    } catch (SQLException e) {
      // rolled back with the transaction (a RuntimeException)
      throw ProblemException.invalidField(
          "file", "The export could not be loaded: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private RegisteredCouncil registered(CouncilSlug council) {
    return councils
        .findById(council.value())
        .orElseThrow(() -> ProblemException.notFound("Council '" + council + "'"));
  }

  private static void requireEmpty(
      Connection connection, String schema, List<String> tables, CouncilSlug council)
      throws SQLException {
    for (String table : tables) {
      try (Statement statement = connection.createStatement();
          var rows =
              statement.executeQuery(
                  "SELECT EXISTS (SELECT 1 FROM " + schema + "." + table + ")")) {
        rows.next();
        if (rows.getBoolean(1)) {
          throw ProblemException.of(
              ProblemType.CONFLICT,
              "Council '"
                  + council
                  + "' already has data (table "
                  + table
                  + "): restore only into a newly provisioned council");
        }
      }
    }
  }

  private static void moveSequencesOn(Connection connection, String schema) throws SQLException {
    for (Map.Entry<String, List<String>> table :
        CouncilTables.sequenceColumns(connection, schema).entrySet()) {
      for (String column : table.getValue()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute(
              "SELECT setval(pg_get_serial_sequence('"
                  + schema
                  + "."
                  + table.getKey()
                  + "', '"
                  + column
                  + "'), COALESCE(max("
                  + column
                  + "), 0) + 1, false) FROM "
                  + schema
                  + "."
                  + table.getKey());
        }
      }
    }
  }

  /** The CSV's header, checked to be plain column names, ready to place in SQL. */
  private static String columnsOf(byte[] csv, String table) {
    int end = 0;
    while (end < csv.length && csv[end] != '\n') {
      end++;
    }
    String header = new String(csv, 0, end, StandardCharsets.UTF_8).strip();
    List<String> columns = new ArrayList<>();
    for (String column : header.split(",")) {
      String name = column.strip();
      if (name.startsWith("\"") && name.endsWith("\"") && name.length() > 1) {
        name = name.substring(1, name.length() - 1);
      }
      if (!COLUMN.matcher(name).matches()) {
        throw ProblemException.invalidField(
            "file", "Table " + table + " has a column name that is not allowed: " + name);
      }
      columns.add(name);
    }
    return String.join(", ", columns);
  }

  private ExportManifest manifestOf(Map<String, byte[]> entries) {
    byte[] manifest = entries.get(ExportManifest.ENTRY);
    if (manifest == null) {
      throw ProblemException.invalidField("file", "Not a council export: no manifest.json");
    }
    ExportManifest read;
    try {
      read = json.readValue(manifest, ExportManifest.class);
    } catch (IOException | RuntimeException e) {
      throw ProblemException.invalidField("file", "manifest.json could not be read");
    }
    if (read.format() != ExportManifest.FORMAT
        || read.tables() == null
        || read.versions() == null) {
      throw ProblemException.invalidField(
          "file", "manifest.json is not a format " + ExportManifest.FORMAT + " council export");
    }
    return read;
  }

  private static Map<String, byte[]> unzip(byte[] export) {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(export))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        try (OutputStream limited = new Limited(content, MAX_ENTRY_BYTES)) {
          zip.transferTo(limited);
        }
        entries.put(entry.getName(), content.toByteArray());
      }
    } catch (IOException e) {
      throw ProblemException.invalidField("file", "Not a zip file: " + e.getMessage());
    }
    if (entries.isEmpty()) {
      throw ProblemException.invalidField("file", "Not a council export: the zip is empty");
    }
    return entries;
  }

  /** Refuses an entry that inflates beyond the limit (a zip bomb). */
  private static final class Limited extends FilterOutputStream {
    private final long limit;
    private long written;

    Limited(OutputStream out, long limit) {
      super(out);
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      written += len;
      if (written > limit) {
        throw new IOException("an entry is larger than " + limit + " bytes");
      }
      out.write(b, off, len);
    }
  }
}
