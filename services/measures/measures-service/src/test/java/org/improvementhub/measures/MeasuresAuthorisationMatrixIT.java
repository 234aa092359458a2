package org.improvementhub.measures;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.improvementhub.testsupport.matrix.CouncilServiceMatrix;

/** Every route of the measures service as every caller: see {@link CouncilServiceMatrix}. */
@MicronautTest(transactional = false)
class MeasuresAuthorisationMatrixIT extends CouncilServiceMatrix {

  @Override
  protected String readyPath() {
    return "/measures";
  }

  @Override
  protected int fewestRoutes() {
    return 15;
  }
}
