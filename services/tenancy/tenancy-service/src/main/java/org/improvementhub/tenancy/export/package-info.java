/**
 * A platform admin exports one council's data (every service's tables in its schema, as CSV in a
 * zip) and restores such an export into another, freshly provisioned council. The runbook is {@code
 * docs/runbooks/export-restore-council.md}.
 */
package org.improvementhub.tenancy.export;
