package org.improvementhub.observability.logging;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.MDC;

/** Answers with the logging context it ran in, on a blocking thread like the services' own. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class LoggedController {

  @Get("/councils/{council}/context")
  Map<String, String> inCouncil(String council) {
    return current();
  }

  @Get("/context")
  Map<String, String> outsideCouncils() {
    return current();
  }

  private static Map<String, String> current() {
    Map<String, String> context = MDC.getCopyOfContextMap();
    Map<String, String> answer = new HashMap<>(context == null ? Map.of() : context);
    answer.put("thread", Thread.currentThread().getName());
    return answer;
  }
}
