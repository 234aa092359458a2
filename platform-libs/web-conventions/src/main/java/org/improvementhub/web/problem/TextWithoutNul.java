package org.improvementhub.web.problem;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Reads every JSON string of a request body, refusing one that holds the NUL character ({@code
 * \u0000}). JSON allows it, Java keeps it, but PostgreSQL cannot store it in text, so it used to
 * reach the database and come back as a 500. Refused here, it is a 400 naming the field, like any
 * value of the wrong format (found by the plans bad-input property, {@code PlansFuzzIT}). The same
 * for half a character ({@code \ud800} alone), which PostgreSQL refuses in the JSON of audit
 * records and events (also found by {@code PlansFuzzIT}).
 */
@Singleton
@Primary
public class TextWithoutNul implements Deserializer<String> {

  @Override
  public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type)
      throws IOException {
    return storable(decoder.decodeString());
  }

  /** {@code text} if PostgreSQL can store it; else a {@link SerdeException} saying why. */
  static String storable(String text) throws SerdeException {
    if (text.indexOf('\u0000') >= 0) {
      throw new SerdeException("must not contain the NUL character");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (paired) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new SerdeException("must not contain half of a character (a lone surrogate)");
      }
    }
    return text;
  }

  @Override
  public String deserializeNullable(
      Decoder decoder, DecoderContext context, Argument<? super String> type) throws IOException {
    if (decoder.decodeNull()) {
      return null;
    }
    return deserialize(decoder, context, type);
  }
}
