/**
 * Tracked actions: what this service knows of each council's actions, kept from the plans service's
 * action events (through the inbox, once each) so that the schedule needs no call to plans: leads,
 * effective due date, RAG, completion, programme manager and the last review note.
 */
package org.improvementhub.notifications.action;
