/**
 * The authorisation matrix: every route a running service serves (read from its router, so a new
 * route is covered without anyone adding it) requested by every kind of caller — each role of the
 * owning council, a user of another council, observers in and out of scope, no token and each kind
 * of bad token — and each answer compared with what the route's {@code @Secured} roles and the
 * tenancy rules allow. A success where a refusal was due is a leak.
 */
package org.improvementhub.testsupport.matrix;
