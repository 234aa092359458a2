package org.improvementhub.plans;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.improvementhub.testsupport.matrix.CouncilServiceMatrix;

/** Every route of the plans service as every caller: see {@link CouncilServiceMatrix}. */
@MicronautTest(transactional = false)
class PlansAuthorisationMatrixIT extends CouncilServiceMatrix {

  @Override
  protected String readyPath() {
    return "/actions";
  }

  @Override
  protected int fewestRoutes() {
    return 20;
  }
}
