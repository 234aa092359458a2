/**
 * What every projection of the read model shares: the {@link
 * org.improvementhub.oversight.projection.Projection} shape (apply an event inside a transaction,
 * tallies now or left to the caller), the source position that keeps an older event from
 * overwriting a newer, and the listener settings and transaction that feed each projection.
 */
package org.improvementhub.oversight.projection;
