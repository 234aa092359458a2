/**
 * Onboarding a council's measures from a spreadsheet: definitions with baseline, tolerance and
 * target trajectory, imported all or nothing, so that a council brings its KPIs without code.
 */
package org.improvementhub.measures.definitions;
