/**
 * The observer API: every council in the caller's scope side by side, and one council's summary —
 * RAG counts and percentages, overdue actions, actions due in the next 30 days, measures by status,
 * drivers without actions, last update.
 */
package org.improvementhub.oversight.summary;
