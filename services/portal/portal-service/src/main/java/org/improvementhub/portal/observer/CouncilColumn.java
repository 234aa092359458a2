package org.improvementhub.portal.observer;

/** A sortable column of the side-by-side table: its heading and the oversight API's sort key. */
public record CouncilColumn(String heading, String sort, boolean numeric) {}
