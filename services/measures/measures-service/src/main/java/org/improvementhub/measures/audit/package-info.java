/**
 * The measures audit trail: who changed which measure, target, value, comparator or plan link,
 * when, and what it was before and after. Entries are written in the same transaction as the change
 * and never altered (a database trigger refuses updates and deletes). The same shape as the plans
 * service's trail, so one reader (people, the portal, the completeness test) reads both.
 */
package org.improvementhub.measures.audit;
