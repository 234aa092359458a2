/**
 * The notifications audit trail: who changed a council's notification settings or a person's
 * preference, when, and what it was before and after (and, in the service's own schema, who
 * replaced a year's bank holidays). Entries are written in the same transaction as the change and
 * never altered (a database trigger refuses updates and deletes). The same shape as the plans and
 * measures trails.
 */
package org.improvementhub.notifications.audit;
