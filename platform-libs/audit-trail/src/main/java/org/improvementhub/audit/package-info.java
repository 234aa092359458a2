/**
 * The parts every service's audit trail shares: the actor of a change ({@link
 * org.improvementhub.audit.AuditActor}), before and after kept as JSON ({@link
 * org.improvementhub.audit.AuditJson}), and what a reader asks of a trail ({@link
 * org.improvementhub.audit.AuditQuery}: page, size and filters, bad ones answered as problem+json
 * naming the field). Each service keeps its own table, repository and entry view, since what a
 * trail records differs (a measure, a council).
 */
package org.improvementhub.audit;
