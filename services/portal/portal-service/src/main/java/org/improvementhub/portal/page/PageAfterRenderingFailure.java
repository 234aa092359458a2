package org.improvementhub.portal.page;

import io.micronaut.core.io.Writable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.views.ModelAndView;
import java.io.StringWriter;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a page's template fails inside the views filter, the error page {@link ErrorPages} answers
 * with does not pass through that filter again and would go out as JSON. This filter sits just
 * outside it and renders such a left-over page itself; should even that fail, a plain sentence.
 */
@ServerFilter("/**")
public class PageAfterRenderingFailure implements Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(PageAfterRenderingFailure.class);
  private static final String LAST_RESORT =
      "<!DOCTYPE html><html lang=\"en\"><head><title>Sorry, there is a problem with the service"
          + "</title></head><body><h1>Sorry, there is a problem with the service</h1>"
          + "<p>Try again later.</p></body></html>";

  private final WholePageRenderer<Object> renderer;

  public PageAfterRenderingFailure(WholePageRenderer<Object> renderer) {
    this.renderer = renderer;
  }

  /** Just outside the views filter, so its error responses come through here. */
  @Override
  public int getOrder() {
    return ServerFilterPhase.RENDERING.order() - 1;
  }

  @ResponseFilter
  public void render(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (!(response.getBody().orElse(null) instanceof ModelAndView<?> page)) {
      return;
    }
    String html = LAST_RESORT;
    try {
      Object model = page.getModel().map(Object.class::cast).orElse(Map.of());
      Writable written = renderer.render(page.getView().orElse("errors/problem"), model, request);
      StringWriter out = new StringWriter();
      written.writeTo(out);
      html = out.toString();
    } catch (Exception failure) {
      LOG.error("The error page for {} could not be rendered either", request.getPath(), failure);
    }
    response.body(html).contentType(MediaType.TEXT_HTML + ";charset=utf-8");
  }
}
