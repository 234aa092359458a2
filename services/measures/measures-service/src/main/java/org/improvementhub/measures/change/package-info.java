/**
 * Editing a measure after it was defined (name, definition, owner, data source, baseline,
 * tolerance, frequency), each change kept in the measure's history. Unit and polarity never change:
 * values recorded as one cannot be read as the other, so a council defines a new measure instead.
 */
package org.improvementhub.measures.change;
