package org.improvementhub.measures.value;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Latest values of the council the current unit of work is bound to. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MeasureValueRepository extends CrudRepository<MeasureValue, UUID> {

  Optional<MeasureValue> findByMeasureIdAndPeriod(UUID measureId, LocalDate period);

  List<MeasureValue> findByMeasureIdOrderByPeriod(UUID measureId);

  /**
   * A chart's periods in one statement: every reporting month from {@code from} to {@code to}
   * (quarter ends for a quarterly measure), each with its value, the previous period's value and
   * the target step in force. No row at all for an unknown measure; one row with no period for a
   * measure that reports in none of the months.
   */
  @Query(
      value =
          "SELECT m.period AS period, v.value AS value, p.value AS previous,"
              + " t.effective_from AS target_from, t.value AS target,"
              + " t.lower_bound AS lower_bound, t.upper_bound AS upper_bound,"
              + " ms.polarity AS polarity, ms.tolerance AS tolerance"
              + " FROM measure ms"
              + " LEFT JOIN LATERAL (SELECT CAST(g AS date) AS period"
              + "   FROM generate_series(CAST(:from AS date), CAST(:to AS date),"
              + "   interval '1 month') AS g"
              + "   WHERE ms.frequency = 'MONTHLY' OR EXTRACT(MONTH FROM g) IN (3, 6, 9, 12)) m"
              + "   ON true"
              + " LEFT JOIN measure_value v ON v.measure_id = ms.id AND v.period = m.period"
              + " LEFT JOIN measure_value p ON p.measure_id = ms.id AND p.period = CAST("
              + "   m.period - CASE WHEN ms.frequency = 'QUARTERLY' THEN interval '3 months'"
              + "   ELSE interval '1 month' END AS date)"
              + " LEFT JOIN LATERAL (SELECT s.effective_from, s.value, s.lower_bound,"
              + "   s.upper_bound FROM measure_target s WHERE s.measure_id = ms.id"
              + "   AND s.effective_from <= m.period ORDER BY s.effective_from DESC LIMIT 1) t"
              + "   ON true"
              + " WHERE ms.id = :measureId"
              + " ORDER BY m.period",
      nativeQuery = true)
  List<SeriesRow> series(UUID measureId, LocalDate from, LocalDate to);
}
