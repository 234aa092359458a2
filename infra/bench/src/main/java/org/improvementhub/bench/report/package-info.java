/**
 * Issue 13's report: every target of the issue beside what the last {@code run-all.sh} measured
 * (met, not met, or not measured yet), the raw figures as JSON and the charts as PNG, written under
 * {@code infra/bench/results/<date>/}.
 */
package org.improvementhub.bench.report;
