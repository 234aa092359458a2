/**
 * The oversight service: a read model in its own {@code oversight} schema, built only from the
 * tenancy and plans events (never by querying council schemas), that DfE observers read across
 * every council in their scope. Features: {@code council} and {@code action} (the projections),
 * {@code summary} (the observer API), {@code rebuild} (drop and replay the topics); {@code
 * projection} holds what the projections of plans and measures events share.
 */
package org.improvementhub.oversight;
