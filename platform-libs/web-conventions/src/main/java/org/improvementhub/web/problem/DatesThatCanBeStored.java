package org.improvementhub.web.problem;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads every JSON date of a request body (ISO {@code yyyy-MM-dd}, as before), refusing a year
 * outside 1 to 9999. Java reads {@code +5874898-01-01}, but PostgreSQL cannot store it, so it used
 * to reach the database and come back as a 500 (found by {@code PlansFuzzIT}); refused here, it is
 * a 400 naming the field.
 */
@Singleton
@Primary
public class DatesThatCanBeStored implements Deserializer<LocalDate> {

  @Override
  public LocalDate deserialize(
      Decoder decoder, DecoderContext context, Argument<? super LocalDate> type)
      throws IOException {
    LocalDate date;
    try {
      date = LocalDate.parse(decoder.decodeString());
    } catch (DateTimeParseException e) {
      throw new SerdeException("must be a date written yyyy-MM-dd");
    }
    if (date.getYear() < 1 || date.getYear() > 9999) {
      throw new SerdeException("must be a date between 0001-01-01 and 9999-12-31");
    }
    return date;
  }

  @Override
  public LocalDate deserializeNullable(
      Decoder decoder, DecoderContext context, Argument<? super LocalDate> type)
      throws IOException {
    if (decoder.decodeNull()) {
      return null;
    }
    return deserialize(decoder, context, type);
  }
}
