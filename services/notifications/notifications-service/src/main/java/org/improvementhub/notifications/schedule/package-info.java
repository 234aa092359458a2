/**
 * The schedule: which emails each tracked action calls for on a working day (a reminder before the
 * due date, the overdue email, repeats while it stays overdue, the escalation to the programme
 * manager), queued once each by their idempotency key, and dropped while unsent when the action is
 * completed or its due date moves.
 */
package org.improvementhub.notifications.schedule;
