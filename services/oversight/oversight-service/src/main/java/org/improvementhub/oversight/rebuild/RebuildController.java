package org.improvementhub.oversight.rebuild;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

/** Platform admins rebuild the read model by replaying the topics. */
@Controller("/oversight/rebuild")
@Secured("PLATFORM_ADMIN")
public class RebuildController {

  private final ReadModelRebuild rebuild;

  public RebuildController(ReadModelRebuild rebuild) {
    this.rebuild = rebuild;
  }

  @Post
  @ExecuteOn(TaskExecutors.BLOCKING)
  public ReadModelRebuild.RebuildResult rebuild() {
    return rebuild.rebuild();
  }
}
