/**
 * The tenancy audit trail: who changed which council, user or single sign-on setting, when, and
 * what it was before and after; one trail for the platform, each entry naming the council it
 * belongs to (none for platform users). Entries are written in the same transaction as the change
 * and never altered (a database trigger refuses updates and deletes). Platform admins read it all;
 * a council's admin reads their own council's part.
 */
package org.improvementhub.tenancy.audit;
