package org.improvementhub.notifications.template;

/**
 * The three parts of one {@link EmailShape}, prepared; {@link #UNUSABLE} for a shape Thymeleaf
 * renders every time. Not verified until its first email was compared with Thymeleaf's rendering.
 */
final class PreparedEmail {

  static final PreparedEmail UNUSABLE = new PreparedEmail(null, null, null);

  private final PreparedPart subject;
  private final PreparedPart text;
  private final PreparedPart html;
  private volatile boolean verified;

  PreparedEmail(PreparedPart subject, PreparedPart text, PreparedPart html) {
    this.subject = subject;
    this.text = text;
    this.html = html;
  }

  boolean usable() {
    return subject != null;
  }

  boolean verified() {
    return verified;
  }

  void verify() {
    verified = true;
  }

  RenderedEmail fill(String[] values) {
    return new RenderedEmail(
        EmailTemplates.subjectLine(subject.fill(values)), text.fill(values), html.fill(values));
  }
}
