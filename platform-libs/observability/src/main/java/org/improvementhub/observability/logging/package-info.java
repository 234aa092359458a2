/**
 * The logging context: the council, request id and event id a log line concerns, set around one
 * unit of work (a request, an event, a council's round of a scan) and removed after it, so no
 * thread carries one unit's ids into the next.
 */
package org.improvementhub.observability.logging;
