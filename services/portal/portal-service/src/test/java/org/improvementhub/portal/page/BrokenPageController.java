package org.improvementhub.portal.page;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.views.ModelAndView;
import java.util.Map;

/** A page whose template fails while rendering, for {@link TemplateFailureTest} only. */
@Requires(property = "portal.test.broken-page", value = "true")
@Controller("/broken-page")
class BrokenPageController {

  @Get
  ModelAndView<Map<String, Object>> broken() {
    return new ModelAndView<>("broken", Map.of());
  }
}
