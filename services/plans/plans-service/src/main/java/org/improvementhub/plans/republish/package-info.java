/**
 * After a council is restored from an export (tenancy's {@code CouncilRestored}), announces the
 * council's plan items, actions and drivers again as they now stand: the restore wrote rows, not
 * events, so read models elsewhere (oversight, measures' plan records) would otherwise stay empty.
 */
package org.improvementhub.plans.republish;
