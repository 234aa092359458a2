package org.improvementhub.measures.library;

import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.improvementhub.measures.measure.Frequency;
import org.improvementhub.measures.measure.MeasureUnit;
import org.improvementhub.measures.status.Polarity;
import org.improvementhub.messaging.schema.ServiceSchema;

/**
 * Reads the platform-wide library in the service's own schema. Plain JDBC on the underlying data
 * source, because the repositories run in the council schema the request names and the library
 * belongs to no council.
 */
@Singleton
public class MeasureLibrary {

  private final DataSource dataSource;
  private final String table;

  public MeasureLibrary(DataSource dataSource, DataSourceResolver resolver, ServiceSchema schema) {
    this.dataSource = resolver.resolve(dataSource);
    this.table = schema.table("library_measure");
  }

  public List<LibraryMeasure> all() {
    return query("SELECT * FROM " + table + " ORDER BY name", null);
  }

  public Optional<LibraryMeasure> find(String code) {
    // no code holds NUL, and PostgreSQL refuses it even in a query: a file's cell may hold one
    // (found by the bench size of MeasuresFuzzIT: a 500 on a definitions import)
    if (code.indexOf('\u0000') >= 0) {
      return Optional.empty();
    }
    return query("SELECT * FROM " + table + " WHERE code = ?", code).stream().findFirst();
  }

  private List<LibraryMeasure> query(String sql, String code) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      if (code != null) {
        statement.setString(1, code);
      }
      List<LibraryMeasure> found = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(
              new LibraryMeasure(
                  rows.getString("code"),
                  rows.getString("name"),
                  rows.getString("definition"),
                  MeasureUnit.valueOf(rows.getString("unit")),
                  Polarity.valueOf(rows.getString("polarity")),
                  Frequency.valueOf(rows.getString("frequency")),
                  rows.getString("source")));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the measure library", e);
    }
  }
}
