package org.improvementhub.web.problem;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON list of strings as {@link TextWithoutNul} reads one string. Serde reads {@code
 * List<String>} with a deserializer of its own that never asks for the String one, so a NUL or half
 * a character in a list ({@code levelNames: ["\u0000"]}) reached PostgreSQL and came back as a 500
 * (found by the bench size of {@code PlansFuzzIT}).
 */
@Singleton
@Primary
public class TextListsWithoutNul implements Deserializer<List<String>> {

  @Override
  public List<String> deserialize(
      Decoder decoder, DecoderContext context, Argument<? super List<String>> type)
      throws IOException {
    List<String> texts = new ArrayList<>();
    try (Decoder array = decoder.decodeArray()) {
      while (array.hasNextArrayValue()) {
        texts.add(array.decodeNull() ? null : TextWithoutNul.storable(array.decodeString()));
      }
    }
    return texts;
  }

  @Override
  public List<String> deserializeNullable(
      Decoder decoder, DecoderContext context, Argument<? super List<String>> type)
      throws IOException {
    if (decoder.decodeNull()) {
      return null;
    }
    return deserialize(decoder, context, type);
  }
}
