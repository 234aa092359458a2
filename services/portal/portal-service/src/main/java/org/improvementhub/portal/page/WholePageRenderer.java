package org.improvementhub.portal.page;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.exceptions.ViewRenderingException;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;

/**
 * Renders the whole page before anything is sent. Micronaut Views otherwise writes the template
 * while the response is already under way, so a template error left the browser waiting for a page
 * that never finished; rendered here first, the error reaches {@link ErrorPages} and the person
 * gets the problem page at once. Pages are small (tens of kilobytes), so holding one is cheap.
 */
@Singleton
@Replaces(ThymeleafViewsRenderer.class)
public class WholePageRenderer<T> extends ThymeleafViewsRenderer<T> {

  public WholePageRenderer(
      AbstractConfigurableTemplateResolver templateResolver,
      TemplateEngine engine,
      ClassPathResourceLoader resourceLoader,
      HttpLocaleResolver httpLocaleResolver) {
    super(templateResolver, engine, resourceLoader, httpLocaleResolver);
  }

  @Override
  public Writable render(String viewName, T data, HttpRequest<?> request) {
    StringWriter page = new StringWriter();
    try {
      super.render(viewName, data, request).writeTo(page);
    } catch (IOException e) {
      throw new ViewRenderingException("Page " + viewName + " could not be rendered", e);
    }
    String html = page.toString();
    return out -> out.write(html);
  }
}
