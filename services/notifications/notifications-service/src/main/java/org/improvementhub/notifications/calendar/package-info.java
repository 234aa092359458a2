/**
 * Working days: England and Wales bank holidays, kept as platform-wide data the platform admin can
 * update, and the calendar the schedule counts with (weekends and bank holidays are not working
 * days).
 */
package org.improvementhub.notifications.calendar;
