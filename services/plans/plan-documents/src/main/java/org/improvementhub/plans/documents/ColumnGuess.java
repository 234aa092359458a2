package org.improvementhub.plans.documents;

/**
 * What one column of an action table is taken to hold, and why.
 *
 * @param table the table's number in the document, from 1
 * @param column the column's number, from 1
 * @param header the header cell's text as the council wrote it
 */
public record ColumnGuess(int table, int column, String header, ColumnRole role, String reason) {}
