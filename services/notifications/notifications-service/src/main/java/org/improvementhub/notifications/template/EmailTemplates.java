package org.improvementhub.notifications.template;

import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the three templates of one kind of email: {@code email/<name>-subject.txt}, {@code
 * email/<name>.txt} and {@code email/<name>.html}. Values are escaped in HTML only; the text
 * templates take them as they are, since plain text has nothing to escape.
 *
 * <p>Emails whose values are all text, numbers, booleans or missing (every scheduled email; not the
 * digest and its list) are rendered by Thymeleaf once per template and {@link EmailShape shape},
 * with markers in place of the values, and then filled in ({@link PreparedPart}): rendering was 43
 * % of the schedule scan's processor time (issue 13). The first email of each shape is rendered
 * both ways and compared; if they ever differ, that shape goes back to Thymeleaf for good.
 */
@Singleton
public class EmailTemplates {

  private static final Locale UK = Locale.UK;
  private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");
  private static final Logger LOG = LoggerFactory.getLogger(EmailTemplates.class);

  /** More shapes than this means values vary in a way nobody planned: render those directly. */
  private static final int MOST_SHAPES = 256;

  private final TemplateEngine engine = new TemplateEngine();
  private final Map<String, PreparedEmail> prepared = new ConcurrentHashMap<>();

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
    Optional<EmailShape> shape = EmailShape.of(name, values);
    if (shape.isEmpty()) {
      return renderedByThymeleaf(name, values);
    }
    String key = shape.get().key();
    PreparedEmail email = prepared.get(key);
    if (email == null) {
      if (prepared.size() >= MOST_SHAPES) {
        return renderedByThymeleaf(name, values);
      }
      email = prepared.computeIfAbsent(key, k -> prepare(name, shape.get()));
    }
    if (!email.usable()) {
      return renderedByThymeleaf(name, values);
    }
    RenderedEmail filled = email.fill(shape.get().slotValues(values));
    if (email.verified()) {
      return filled;
    }
    RenderedEmail rendered = renderedByThymeleaf(name, values);
    if (rendered.equals(filled)) {
      email.verify();
    } else {
      LOG.warn("Prepared email {} differs from Thymeleaf's; rendering it with Thymeleaf", key);
      prepared.put(key, PreparedEmail.UNUSABLE);
    }
    return rendered;
  }

  /** Whether emails of this shape are filled in now (prepared, and the first one matched). */
  boolean fillsIn(String name, Map<String, ?> values) {
    return EmailShape.of(name, values)
        .map(shape -> prepared.get(shape.key()))
        .filter(email -> email.usable() && email.verified())
        .isPresent();
  }

  /** Renders every part with Thymeleaf, as every email was before shapes. */
  RenderedEmail renderedByThymeleaf(String name, Map<String, ?> values) {
    Context context = new Context(UK);
    values.forEach(context::setVariable);
    return new RenderedEmail(
        subjectLine(engine.process(name + "-subject.txt", context)),
        engine.process(name + ".txt", context),
        engine.process(name + ".html", context));
  }

  /** A subject is one header line: a title with a line break must not become a second header. */
  static String subjectLine(String rendered) {
    return LINE_BREAKS.matcher(rendered.strip()).replaceAll(" ");
  }

  private PreparedEmail prepare(String name, EmailShape shape) {
    Context context = new Context(UK);
    shape.markedValues().forEach(context::setVariable);
    Optional<PreparedPart> subject =
        PreparedPart.of(engine.process(name + "-subject.txt", context), shape.slots());
    Optional<PreparedPart> text =
        PreparedPart.of(engine.process(name + ".txt", context), shape.slots());
    Optional<PreparedPart> html =
        PreparedPart.of(engine.process(name + ".html", context), shape.slots());
    if (subject.isEmpty() || text.isEmpty() || html.isEmpty()) {
      LOG.warn("Email {} cannot be prepared; rendering it with Thymeleaf", shape.key());
      return PreparedEmail.UNUSABLE;
    }
    return new PreparedEmail(subject.get(), text.get(), html.get());
  }
}
