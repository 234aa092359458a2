package org.improvementhub.oversight.action;

/** Where an event stands in its topic: a council's events share a partition, in order. */
public record SourcePosition(int partition, long offset) {}
