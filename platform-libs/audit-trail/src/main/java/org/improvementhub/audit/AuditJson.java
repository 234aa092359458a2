package org.improvementhub.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A record's state before and after a change, as the trails keep it (JSON text in a jsonb column)
 * and as they answer it (a JSON tree, so a reader gets the record's fields, not a quoted string).
 */
@Singleton
public class AuditJson {

  private final JsonMapper json;

  public AuditJson(JsonMapper json) {
    this.json = json;
  }

  /** {@code value} as JSON text; null when the record did not exist (before) or no longer does. */
  public @Nullable String write(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stored JSON text back as a tree; null stays null. */
  public @Nullable JsonNode read(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return json.readValue(text, JsonNode.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
