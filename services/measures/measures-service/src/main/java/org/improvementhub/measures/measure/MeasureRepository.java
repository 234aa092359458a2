package org.improvementhub.measures.measure;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Measures of the council the current unit of work is bound to. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MeasureRepository extends CrudRepository<Measure, UUID> {

  List<Measure> listOrderByName();

  /** Case-blind, like the unique index; not ILIKE, whose wildcards a name like "% of" would hit. */
  @Query("SELECT EXISTS (SELECT 1 FROM measure WHERE lower(name) = lower(:name))")
  boolean existsByNameIgnoringCase(String name);

  boolean existsByLibraryCode(String libraryCode);

  /**
   * Reads the measure and holds it until the transaction ends, so that values of one measure are
   * recorded one at a time and a correction never races another.
   */
  Optional<Measure> findByIdForUpdate(UUID id);

  /** Whether another measure than {@code id} already has this name, ignoring case. */
  @Query("SELECT EXISTS (SELECT 1 FROM measure WHERE lower(name) = lower(:name) AND id <> :id)")
  boolean existsByNameIgnoringCaseAndIdNot(String name, UUID id);

  /**
   * How many values sit in a month that is not a quarter's last, which a quarterly measure lacks.
   */
  @Query(
      value =
          "SELECT count(*) FROM measure_value WHERE measure_id = :measureId"
              + " AND EXTRACT(MONTH FROM period)::int % 3 <> 0",
      nativeQuery = true)
  long countValuesOutsideQuarterEnds(UUID measureId);

  /**
   * The two latest values of every measure, newest first: each measure's current status and trend
   * for the list, in one query.
   */
  @Query(
      value =
          "SELECT measure_id, period, value FROM (SELECT measure_id, period, value,"
              + " row_number() OVER (PARTITION BY measure_id ORDER BY period DESC) AS recency"
              + " FROM measure_value) latest WHERE recency <= 2"
              + " ORDER BY measure_id, period DESC",
      nativeQuery = true)
  List<MeasureRecentValue> latestTwoValuesOfEach();

  /** A period's value of one measure, as {@link #latestTwoValuesOfEach} reads it. */
  @Introspected
  record MeasureRecentValue(UUID measureId, LocalDate period, BigDecimal value) {}

  /** The two latest values, newest first: the current status and its trend. */
  @Query(
      value =
          "SELECT period, value FROM measure_value WHERE measure_id = :measureId"
              + " ORDER BY period DESC LIMIT 2",
      nativeQuery = true)
  List<RecentValue> latestTwoValues(UUID measureId);

  /** A period's value, as {@link #latestTwoValues} reads it. */
  @Introspected
  record RecentValue(LocalDate period, BigDecimal value) {}
}
