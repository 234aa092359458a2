/**
 * The files councils fill in a spreadsheet and upload (a plan, measure definitions, measure
 * values): a CSV file or an XLSX workbook whose header row names the columns, read into rows of
 * text as the council typed them, each row numbered as the spreadsheet shows it.
 */
package org.improvementhub.tabular;
