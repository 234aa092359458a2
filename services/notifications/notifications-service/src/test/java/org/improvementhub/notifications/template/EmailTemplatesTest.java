package org.improvementhub.notifications.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The overdue email's templates, rendered as the service renders them. */
class EmailTemplatesTest {

  private final EmailTemplates templates = new EmailTemplates();

  private Map<String, Object> values(String title) {
    Map<String, Object> values = new HashMap<>();
    values.put("councilName", "Walsall Council");
    values.put("ref", "2.1.3");
    values.put("title", title);
    values.put("recipientName", "Sam Lead");
    values.put("leadNames", "Sam Lead (sam@walsall.example)");
    values.put("dueDate", "31 March 2030");
    values.put("daysOverdue", 10L);
    values.put("daysOverdueText", "10 days");
    values.put("daysLeftText", "7 days");
    values.put("rag", "Red (needs Improvement Board attention)");
    values.put("note", "Recruitment campaign launched");
    values.put("notePeriod", "2030-03");
    values.put("noLead", false);
    values.put("link", "https://hub.example/councils/walsall/actions/42");
    return values;
  }

  @ParameterizedTest
  @ValueSource(strings = {"reminder", "overdue", "overdue-repeat", "escalation"})
  void everyKindNamesTheActionItsNoteAndLinksToIt(String kind) {
    RenderedEmail email = templates.render(kind, values("Audit every plan"));
    assertThat(email.subject()).contains("2.1.3").contains("Audit every plan");
    for (String part : new String[] {email.text(), email.html()}) {
      assertThat(part)
          .contains("Walsall Council")
          .contains("Audit every plan")
          .contains("31 March 2030")
          .contains("Red (needs Improvement Board attention)")
          .contains("Recruitment campaign launched")
          .contains("https://hub.example/councils/walsall/actions/42")
          .contains("Sam Lead");
    }
    assertThat(email.html()).contains("<html lang=\"en-GB\">").doesNotContain("th:");
  }

  @Test
  void withoutANoteThereIsNoNoteLine() {
    Map<String, Object> values = values("Audit");
    values.put("note", null);
    RenderedEmail email = templates.render("reminder", values);
    assertThat(email.text()).doesNotContain("review note");
    assertThat(email.html()).doesNotContain("review note");
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
