/**
 * Every error a service returns is an RFC 9457 {@code application/problem+json} document with a
 * stable {@code type}, a human {@code detail} and, for bad input, the offending fields. This
 * package turns Micronaut's own errors (unknown route, wrong method, malformed JSON, constraint
 * violations, oversize bodies) and the platform's exceptions into such documents, and never lets a
 * stack trace reach a caller.
 */
package org.improvementhub.web.problem;
