package org.improvementhub.notifications.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The overdue email's templates, rendered as the service renders them. */
class EmailTemplatesTest {

  private final EmailTemplates templates = new EmailTemplates();

  private Map<String, Object> values(String title) {
    return Map.of(
        "councilName", "Walsall Council",
        "ref", "2.1.3",
        "title", title,
        "leadName", "Sam Lead",
        "dueDate", "31 March 2030",
        "daysOverdue", 10L,
        "daysOverdueText", "10 days",
        "rag", "Red (needs Improvement Board attention)");
  }

  @Test
  void allThreePartsSayWhatIsOverdue() {
    RenderedEmail email = templates.render("overdue", values("Audit every plan"));
    assertThat(email.subject()).isEqualTo("Overdue: action 2.1.3 — Audit every plan");
    for (String part : new String[] {email.text(), email.html()}) {
      assertThat(part)
          .contains("Walsall Council")
          .contains("2.1.3")
          .contains("Audit every plan")
          .contains("31 March 2030")
          .contains("10 days")
          .contains("Red (needs Improvement Board attention)")
          .contains("Sam Lead");
    }
  }

  @Test
  void theHtmlIsAPlainAccessibleDocument() {
    String html = templates.render("overdue", values("Audit")).html();
    assertThat(html)
        .contains("<html lang=\"en-GB\">")
        .contains("<title>Overdue: action 2.1.3</title>")
        .contains("<h1")
        .contains("<th scope=\"row\"")
        .doesNotContain("<img")
        .doesNotContain("th:");
  }

  @Test
  void whatPeopleTypedIsEscapedInHtmlAndLeftAloneInText() {
    RenderedEmail email = templates.render("overdue", values("Fix <script>x</script> & \"more\""));
    assertThat(email.html()).doesNotContain("<script>").contains("Fix &lt;script&gt;");
    assertThat(email.text()).contains("Fix <script>x</script> & \"more\"");
  }

  @Test
  void aTitleWithLineBreaksStillMakesOneSubjectLine() {
    RenderedEmail email = templates.render("overdue", values("First line\r\nBcc: someone@else"));
    assertThat(email.subject())
        .isEqualTo("Overdue: action 2.1.3 — First line Bcc: someone@else")
        .doesNotContain("\n")
        .doesNotContain("\r");
  }
}
