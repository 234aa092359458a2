/**
 * Overdue emails: when the plans service announces that an action fell overdue, its lead is
 * emailed, once per action and due date, with the council's name, the action, its due date, how
 * many days it is overdue and its RAG status.
 */
package org.improvementhub.notifications.overdue;
