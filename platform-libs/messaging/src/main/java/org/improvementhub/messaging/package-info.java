/**
 * How services tell each other what happened. An event is written to the service's outbox in the
 * same transaction as the change it describes ({@link org.improvementhub.messaging.outbox}), a
 * relay publishes it to Kafka keyed by council, and consumers apply each event once by recording
 * its id in an inbox in the same transaction as the effect ({@link
 * org.improvementhub.messaging.inbox}).
 */
package org.improvementhub.messaging;
