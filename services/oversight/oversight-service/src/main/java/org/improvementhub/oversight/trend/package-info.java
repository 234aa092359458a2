/**
 * A council's RAG counts at the end of each reporting period (month), from the snapshots the action
 * projection keeps: the observer's trend, and the board report's change since the previous period.
 */
package org.improvementhub.oversight.trend;
