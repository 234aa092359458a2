package org.improvementhub.tabular;

import java.util.List;

/** A file read: its columns as named in the header row (lower case), and its non-blank rows. */
public record Table(List<String> columns, List<TableRow> rows) {}
