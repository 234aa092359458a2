/**
 * The measures service. Each council's measures live in its own schema; packages are features:
 * {@code measure} (what a council measures: name, definition, unit, polarity, frequency) and {@code
 * value} (the figure recorded for each period, with every correction kept).
 */
package org.improvementhub.measures;
