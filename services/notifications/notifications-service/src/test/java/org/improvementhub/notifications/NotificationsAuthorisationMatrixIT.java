package org.improvementhub.notifications;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.improvementhub.testsupport.matrix.CouncilServiceMatrix;

/** Every route of the notifications service as every caller: see {@link CouncilServiceMatrix}. */
@MicronautTest(transactional = false)
class NotificationsAuthorisationMatrixIT extends CouncilServiceMatrix {

  @Override
  protected String readyPath() {
    return "/email-deliveries";
  }

  @Override
  protected int fewestRoutes() {
    return 5;
  }
}
