/**
 * Each council's programme at a glance — RAG counts, overdue and due-soon actions, measures by
 * status, drivers without actions, last update — and its RAG counts at each month's end, kept by
 * the projections in the same transaction as each event, so observers read one small row per
 * council.
 */
package org.improvementhub.oversight.tally;
