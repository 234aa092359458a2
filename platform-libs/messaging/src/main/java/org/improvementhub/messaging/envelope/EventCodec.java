package org.improvementhub.messaging.envelope;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads and writes envelopes and the event records inside them. */
@Singleton
public class EventCodec {

  private final JsonMapper json;

  public EventCodec(JsonMapper json) {
    this.json = json;
  }

  public String write(EventEnvelope envelope) {
    try {
      return json.writeValueAsString(envelope);
    } catch (IOException e) {
      throw new UncheckedIOException("Event could not be written: " + envelope.type(), e);
    }
  }

  public EventEnvelope read(String message) {
    try {
      return json.readValue(message, EventEnvelope.class);
    } catch (IOException e) {
      throw new MalformedEventException("Not an event envelope", e);
    }
  }

  public io.micronaut.json.tree.JsonNode toTree(Object data) {
    try {
      return json.writeValueToTree(data);
    } catch (IOException e) {
      throw new UncheckedIOException("Event data could not be written", e);
    }
  }

  public <T> T dataOf(EventEnvelope envelope, Class<T> type) {
    try {
      return json.readValueFromTree(envelope.data(), type);
    } catch (IOException e) {
      throw new MalformedEventException(
          "Event " + envelope.eventId() + " does not hold a " + type.getSimpleName(), e);
    }
  }
}
