/**
 * After a council is restored from an export (tenancy's {@code CouncilRestored}), announces the
 * council's measures and their values again as they now stand: the restore wrote rows, not events,
 * so the oversight read model would otherwise stay empty for the council.
 */
package org.improvementhub.measures.republish;
