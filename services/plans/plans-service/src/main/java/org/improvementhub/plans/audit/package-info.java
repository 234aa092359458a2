/**
 * The audit trail: who changed which programme, plan item, action or driver, when, and what it was
 * before and after. Entries are written in the same transaction as the change and never altered (a
 * database trigger refuses updates and deletes).
 */
package org.improvementhub.plans.audit;
