package org.improvementhub.measures.library;

import io.micronaut.serde.annotation.Serdeable;
import org.improvementhub.measures.measure.Frequency;
import org.improvementhub.measures.measure.MeasureUnit;
import org.improvementhub.measures.status.Polarity;

/** A statutory or common measure any council may adopt, with where its definition comes from. */
@Serdeable
public record LibraryMeasure(
    String code,
    String name,
    String definition,
    MeasureUnit unit,
    Polarity polarity,
    Frequency frequency,
    String source) {}
