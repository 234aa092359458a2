/**
 * Admission control: each service takes on at most a fixed number of requests at once, lets a few
 * more wait briefly for a turn, and refuses the rest at once with 503 and {@code Retry-After}.
 * Under overload it then answers some callers quickly with "busy" instead of queueing without bound
 * until every caller times out (the 300/s soak of session 7: plans queued thousands of requests,
 * the portal grew to 650 threads waiting on it, and direct memory filled).
 */
package org.improvementhub.web.admission;
