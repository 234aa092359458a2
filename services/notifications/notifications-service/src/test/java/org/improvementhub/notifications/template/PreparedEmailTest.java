package org.improvementhub.notifications.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Emails filled in from a prepared shape are exactly what Thymeleaf renders, whatever the values
 * hold: markup, quotes, apostrophes, ampersands, line breaks, non-ASCII, a missing note.
 */
class PreparedEmailTest {

  private static final List<String> AWKWARD =
      List.of(
          "Audit every plan",
          "<script>alert('x')</script> & \"quoted\"",
          "Line one\r\nSubject: injected\n  line three",
          "Zoë O'Brien — café & co > 2 < 3",
          "&amp; already escaped &#39;",
          "",
          " \uE000 private use \uE001 ");

  private Map<String, Object> values(String text, boolean note, boolean period, boolean noLead) {
    Map<String, Object> values = new HashMap<>();
    values.put("councilName", "Council of " + text);
    values.put("ref", "2.1." + text.length());
    values.put("title", text);
    values.put("recipientName", text + " Lead");
    values.put("leadName", text);
    values.put("leadNames", text + " (sam@walsall.example)");
    values.put("dueDate", "31 March 2030");
    values.put("daysOverdue", 10L);
    values.put("daysOverdueText", "10 days");
    values.put("daysLeftText", "7 days");
    values.put("rag", "Red " + text);
    values.put("note", note ? "Note: " + text : null);
    values.put("notePeriod", period ? "2030-03" : null);
    values.put("noLead", noLead);
    values.put("link", "https://hub.example/councils/walsall/actions/42?x=" + text);
    return values;
  }

  @ParameterizedTest
  @ValueSource(strings = {"reminder", "overdue", "overdue-repeat", "escalation"})
  void everyShapeFillsInWhatThymeleafRenders(String kind) {
    EmailTemplates templates = new EmailTemplates();
    // note and period, note alone, neither, and no lead (escalations only tell it apart)
    boolean[][] shapes = {
      {true, true, false}, {true, false, false}, {false, false, false}, {true, true, true}
    };
    for (boolean[] shape : shapes) {
      boolean note = shape[0];
      boolean period = shape[1];
      boolean noLead = shape[2];
      // the first of a shape is compared with Thymeleaf; the rest are filled in
      templates.render(kind, values("first", note, period, noLead));
      assertThat(templates.fillsIn(kind, values("first", note, period, noLead))).isTrue();
      for (String text : AWKWARD) {
        Map<String, Object> values = values(text, note, period, noLead);
        assertThat(templates.render(kind, values))
            .as("%s note=%s period=%s noLead=%s: %s", kind, note, period, noLead, text)
            .isEqualTo(templates.renderedByThymeleaf(kind, values));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"reminder", "overdue", "overdue-repeat", "escalation"})
  void everyTemplateOfAScheduledEmailCanBePrepared(String kind) {
    EmailShape shape = EmailShape.of(kind, values("x", true, true, false)).orElseThrow();
    EmailTemplates templates = new EmailTemplates();
    RenderedEmail marked = templates.renderedByThymeleaf(kind, shape.markedValues());
    for (String part : new String[] {marked.text(), marked.html()}) {
      assertThat(PreparedPart.of(part, shape.slots())).isPresent();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a\uE000", "a\uE0007&'\"<>", "\uE000x&'\"<>\uE001", "\uE0009&'\"<>\uE001"})
  void aMarkerThatCannotBeReadMeansThymeleafRendersIt(String rendered) {
    assertThat(PreparedPart.of(rendered, 3)).isEqualTo(Optional.empty());
  }

  @org.junit.jupiter.api.Test
  void aListIsNoShape() {
    assertThat(EmailShape.of("digest", Map.of("items", List.of()))).isEmpty();
  }
}
