/**
 * The council registry. Provisioning a council writes its registry row, creates its schema and
 * announces {@code CouncilProvisioned} in one transaction, so no service ever hears of a council
 * whose schema or row is missing. Councils are shown only to callers who may see them.
 */
package org.improvementhub.tenancy.council;
