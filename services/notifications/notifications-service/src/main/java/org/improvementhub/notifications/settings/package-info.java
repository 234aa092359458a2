/**
 * Each council's notification settings (which kinds of email are sent, the day counts of the
 * schedule, the sender's name and reply-to address) and each person's preference: an email for each
 * reminder and overdue action, or the weekly digest only (escalations are always sent).
 */
package org.improvementhub.notifications.settings;
