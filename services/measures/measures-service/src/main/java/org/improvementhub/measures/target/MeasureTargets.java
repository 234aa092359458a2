package org.improvementhub.measures.target;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.improvementhub.measures.measure.Measure;
import org.improvementhub.measures.measure.MeasureView;
import org.improvementhub.measures.measure.Measures;
import org.improvementhub.measures.value.MeasureValues;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * Replaces a measure's targets and, in the same transaction, judges its recorded periods again so
 * that every period whose status changed is announced.
 */
@Singleton
public class MeasureTargets {

  private final Measures measures;
  private final MeasureValues values;

  public MeasureTargets(Measures measures, MeasureValues values) {
    this.measures = measures;
    this.values = values;
  }

  @Transactional
  public MeasureView replace(CouncilSlug council, UUID measureId, NewTargets request) {
    Measure measure = measures.replaceTargets(measureId, request.tolerance(), request.targets());
    values.reassess(council, measure);
    return measures.view(measureId);
  }
}
