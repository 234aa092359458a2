/**
 * A council's measures (key performance indicators): the list with each value against its target, a
 * measure's page with a chart of its values against the target trajectory and comparators (and the
 * same figures as a table), and entering a value for a period.
 */
package org.improvementhub.portal.measure;
