package org.improvementhub.messaging.inbox;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.function.Function;
import org.improvementhub.messaging.envelope.EventCodec;
import org.improvementhub.messaging.envelope.EventEnvelope;
import org.improvementhub.messaging.envelope.MalformedEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Kafka listener does with a raw message before its own effect: read the envelope, work
 * out the effect, apply it once through the {@link Inbox}. A message that cannot be read, or names
 * a record it does not carry, is skipped with an error: retrying cannot make it readable, and
 * blocking the partition behind it would stop every later event.
 */
@Singleton
public class InboxReceiver {

  private static final Logger LOG = LoggerFactory.getLogger(InboxReceiver.class);

  private final EventCodec codec;
  private final Inbox inbox;

  public InboxReceiver(EventCodec codec, Inbox inbox) {
    this.codec = codec;
    this.inbox = inbox;
  }

  /**
   * Applies the effect {@code effectOf} gives for the message once for {@code consumer}.
   *
   * @param effectOf the effect of an event, or null for a type this consumer ignores; it may throw
   *     {@link MalformedEventException} for an event that lacks what it names
   * @return the outcome, or empty when the message was skipped or ignored
   */
  public Optional<Inbox.Outcome> receive(
      String consumer, String message, Function<EventEnvelope, Runnable> effectOf) {
    EventEnvelope envelope;
    Runnable effect;
    try {
      envelope = codec.read(message);
      effect = effectOf.apply(envelope);
    } catch (MalformedEventException e) {
      LOG.error("Unreadable event for {} skipped: {}", consumer, e.getMessage());
      return Optional.empty();
    }
    if (effect == null) {
      return Optional.empty();
    }
    return Optional.of(inbox.applyOnce(consumer, envelope, effect));
  }
}
