/**
 * What a council measures: each measure's name, definition, unit, polarity (whether a higher value
 * is better) and how often it is reported. Defining one announces {@code MeasureDefined}.
 */
package org.improvementhub.measures.measure;
