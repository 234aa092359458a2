package org.improvementhub.notifications.template;

import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the three templates of one kind of email: {@code email/<name>-subject.txt}, {@code
 * email/<name>.txt} and {@code email/<name>.html}. Values are escaped in HTML only; the text
 * templates take them as they are, since plain text has nothing to escape.
 */
@Singleton
public class EmailTemplates {

  private static final Locale UK = Locale.UK;
  private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");

  private final TemplateEngine engine = new TemplateEngine();

  public EmailTemplates() {
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
  }

  private static ClassLoaderTemplateResolver resolver(
      TemplateMode mode, String pattern, int order) {
    ClassLoaderTemplateResolver resolver =
        new ClassLoaderTemplateResolver(EmailTemplates.class.getClassLoader());
    resolver.setPrefix("email/");
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setResolvablePatterns(java.util.Set.of(pattern));
    resolver.setCheckExistence(true);
    resolver.setCacheable(true);
    resolver.setOrder(order);
    return resolver;
  }

  /**
   * Renders the email called {@code name} with {@code values}.
   *
   * @throws org.thymeleaf.exceptions.TemplateInputException if a template is missing
   */
  public RenderedEmail render(String name, Map<String, ?> values) {
    Context context = new Context(UK);
    values.forEach(context::setVariable);
    // A subject is one header line: a title with a line break must not become a second header.
    String subject =
        LINE_BREAKS.matcher(engine.process(name + "-subject.txt", context).strip()).replaceAll(" ");
    return new RenderedEmail(
        subject, engine.process(name + ".txt", context), engine.process(name + ".html", context));
  }
}
