/**
 * Audit completeness, derived from the route list: every write route a running service serves (read
 * from its router, so a route added tomorrow is in tomorrow's run) is performed once with an
 * example, and the service's audit trail must then hold a new entry saying who (the token's
 * subject), when, which record and what it was before or after. A write route without an example
 * fails the run by name, so nobody can add a write and forget its audit.
 */
package org.improvementhub.testsupport.audit;
