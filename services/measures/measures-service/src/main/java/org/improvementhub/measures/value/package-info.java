/**
 * The figure a council records for each period of a measure: the latest value per period, every
 * correction kept in {@code measure_value_revision}, and {@code MeasureValueRecorded} announced in
 * the same transaction as each change.
 */
package org.improvementhub.measures.value;
