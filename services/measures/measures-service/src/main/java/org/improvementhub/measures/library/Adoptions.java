package org.improvementhub.measures.library;

import jakarta.inject.Singleton;
import org.improvementhub.measures.measure.Measure;
import org.improvementhub.measures.measure.MeasureView;
import org.improvementhub.measures.measure.Measures;
import org.improvementhub.measures.measure.UniqueNames;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/**
 * Copies a library measure into a council as a measure of its own (name, definition, unit,
 * polarity, frequency), remembering its code so that it is adopted once.
 */
@Singleton
public class Adoptions {

  private final MeasureLibrary library;
  private final Measures measures;

  public Adoptions(MeasureLibrary library, Measures measures) {
    this.library = library;
    this.measures = measures;
  }

  /**
   * @throws ProblemException 400 naming {@code code} for a code the library lacks, 409 when the
   *     council has adopted it already or has a measure of that name
   */
  public MeasureView adopt(CouncilSlug council, Adoption adoption) {
    LibraryMeasure chosen =
        library
            .find(adoption.code().strip())
            .orElseThrow(
                () -> ProblemException.invalidField("code", "is not a measure in the library"));
    if (measures.adopted(chosen.code())) {
      throw ProblemException.of(
          ProblemType.CONFLICT, "The council has already adopted \"" + chosen.name() + "\"");
    }
    Measure adopted;
    try {
      adopted = measures.define(council, adoption.measureFrom(chosen), chosen.code());
    } catch (RuntimeException e) {
      // the insert may lose to a simultaneous adoption only when the transaction commits
      throw UniqueNames.conflictOf(e, chosen.name()).orElseThrow(() -> e);
    }
    return measures.view(adopted.id());
  }
}
