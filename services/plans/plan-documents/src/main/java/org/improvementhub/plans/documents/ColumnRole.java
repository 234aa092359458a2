package org.improvementhub.plans.documents;

/** What a column of a council's action table holds, in plan terms. */
public enum ColumnRole {
  /** The action's (or the objective's) number: {@code 1.1.2}. */
  REF,
  /** The Ofsted, Improvement Notice or peer review points the row answers: {@code OR 13}. */
  DRIVER,
  /** The RAG or status of the action. */
  STATUS,
  /** The latest review note or update: kept as the action's progress note. */
  REVIEW_NOTE,
  /** When it is due; may hold a start and a due date. */
  DUE,
  /** Who leads it. */
  LEAD,
  /** Measures of success, targets, KPIs. */
  MEASURE,
  /** The objective or outcome the actions sit under (one level above the actions). */
  OBJECTIVE,
  /** The action's words (several numbered actions may share one cell). */
  ACTION,
  /** Who else works on it: kept in the action's description. */
  SUPPORT,
  /** Not read. */
  IGNORED
}
