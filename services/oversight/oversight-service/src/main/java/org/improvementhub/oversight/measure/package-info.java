/**
 * Projects the measures service's value and status events into {@code
 * oversight.observed_measure_value}: each period's value, status and target of each measure.
 */
package org.improvementhub.oversight.measure;
