package org.improvementhub.plans.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dates, RAGs, leads and drivers in the councils' own wording. */
class CellReadingTest {

  @Test
  void datesAsCouncilsWriteThem() {
    assertThat(CouncilDates.read("October 2009"))
        .isEqualTo(new DateReading(null, LocalDate.of(2009, 10, 31), null, null));
    assertThat(CouncilDates.read("Jul 2019").due()).isEqualTo(LocalDate.of(2019, 7, 31));
    assertThat(CouncilDates.read("Feb 2020").due()).isEqualTo(LocalDate.of(2020, 2, 29));
    assertThat(CouncilDates.read("31.03.12").due()).isEqualTo(LocalDate.of(2012, 3, 31));
    assertThat(CouncilDates.read("31 March 2012").due()).isEqualTo(LocalDate.of(2012, 3, 31));
    DateReading range = CouncilDates.read("31.01.12 – 31.07.12");
    assertThat(range)
        .isEqualTo(
            new DateReading(LocalDate.of(2012, 1, 31), LocalDate.of(2012, 7, 31), null, null));
    DateReading ongoing = CouncilDates.read("ongoing");
    assertThat(ongoing.due()).isNull();
    assertThat(ongoing.kind()).isEqualTo(Flag.Kind.MISSING);
    DateReading onwards = CouncilDates.read("03.01.12 onwards");
    assertThat(onwards.start()).isEqualTo(LocalDate.of(2012, 1, 3));
    assertThat(onwards.due()).isNull();
    assertThat(onwards.kind()).isEqualTo(Flag.Kind.MISSING);
    DateReading andOngoing = CouncilDates.read("Nov 2019 & ongoing");
    assertThat(andOngoing.due()).isEqualTo(LocalDate.of(2019, 11, 30));
    assertThat(andOngoing.kind()).isEqualTo(Flag.Kind.GUESSED);
    DateReading several =
        CouncilDates.read("WSCB to consider – 31 Jan 2013 Plan for WSCB work – 31 Mar 2013");
    assertThat(several.due()).isEqualTo(LocalDate.of(2013, 3, 31));
    assertThat(several.kind()).isEqualTo(Flag.Kind.GUESSED);
    assertThat(CouncilDates.read("To be determined by Ofsted").kind())
        .isEqualTo(Flag.Kind.UNREADABLE);
    assertThat(CouncilDates.read("31.02.12").kind()).isEqualTo(Flag.Kind.UNREADABLE);
  }

  @Test
  void ragAsWordsLettersAndTheCouncilsLegend() {
    RagWords rags = new RagWords(Map.of("work progressing as expected", Rag.GREEN, "gr", Rag.GREY));
    assertThat(rags.read("Amber").rag()).isEqualTo(Rag.AMBER);
    assertThat(rags.read("b").rag()).isEqualTo(Rag.BLUE);
    assertThat(rags.read("R").rag()).isEqualTo(Rag.RED);
    assertThat(rags.read("Gr").rag()).isEqualTo(Rag.GREY);
    assertThat(rags.read("(G)").rag()).isEqualTo(Rag.GREEN);
    assertThat(rags.read("Work Progressing as expected.").rag()).isEqualTo(Rag.GREEN);
    assertThat(rags.read("Green - on track")).isEqualTo(new RagReading(Rag.GREEN, "on track"));
    assertThat(rags.read("Awaiting the board's decision"))
        .isEqualTo(new RagReading(null, "Awaiting the board's decision"));
    assertThat(rags.read("")).isEqualTo(new RagReading(null, null));
  }

  @Test
  void leadsSplitOnSlashesSemicolonsAndBetweenPeople() {
    assertThat(LeadNames.split("Ann Marie Dodds/ Housing"))
        .containsExactly("Ann Marie Dodds", "Housing");
    assertThat(LeadNames.split("HoS QA; Jackie Wood")).containsExactly("HoS QA", "Jackie Wood");
    assertThat(LeadNames.split("Sue Butcher and Jane Parry"))
        .containsExactly("Sue Butcher", "Jane Parry");
    assertThat(LeadNames.split("Sue Butcher, Jane Parry, Kate Bargh"))
        .containsExactly("Sue Butcher", "Jane Parry", "Kate Bargh");
    assertThat(LeadNames.split("Learning and Development"))
        .containsExactly("Learning and Development");
  }

  @Test
  void driverRefsInTheirManyForms() {
    assertThat(DriverRefs.find("Links to OR 13")).containsExactly("OR 13");
    assertThat(DriverRefs.find("IN 1.7, 3.1 OIS 2012"))
        .containsExactly("IN 1.7", "IN 3.1", "OIS 2012");
    assertThat(DriverRefs.find("Links to IN 18")).containsExactly("IN 18");
    assertThat(DriverRefs.find("Pg 7 Para 23")).containsExactly("Pg 7 Para 23");
    assertThat(DriverRefs.find("Pg 5 Para 13,14")).containsExactly("Pg 5 Para 13", "Pg 5 Para 14");
    assertThat(DriverRefs.find("See Recommendation 4")).containsExactly("Recommendation 4");
    assertThat(DriverRefs.find("no driver here")).isEmpty();
  }

  @Test
  void columnsGuessedWithAReason() {
    assertThat(HeaderWords.guess(1, 1, "Actions/tasks", Map.of()).role())
        .isEqualTo(ColumnRole.ACTION);
    assertThat(HeaderWords.guess(1, 2, "Lead officer", Map.of()).role()).isEqualTo(ColumnRole.LEAD);
    assertThat(HeaderWords.guess(1, 3, "By when", Map.of()).role()).isEqualTo(ColumnRole.DUE);
    ColumnGuess status = HeaderWords.guess(1, 4, "Status of action", Map.of());
    assertThat(status.role()).isEqualTo(ColumnRole.STATUS);
    assertThat(status.reason()).isEqualTo("the header says \"status\"");
    assertThat(HeaderWords.guess(1, 5, "Ofsted Ref", Map.of()).role()).isEqualTo(ColumnRole.DRIVER);
    assertThat(HeaderWords.guess(1, 6, "Objectives / what needs to improve", Map.of()).role())
        .isEqualTo(ColumnRole.OBJECTIVE);
    assertThat(HeaderWords.guess(1, 7, "KPIs", Map.of()).role()).isEqualTo(ColumnRole.MEASURE);
    assertThat(HeaderWords.guess(1, 8, "Suggested Project Team", Map.of()).role())
        .isEqualTo(ColumnRole.SUPPORT);
    ColumnGuess remembered =
        HeaderWords.guess(1, 9, "Notes", Map.of("notes", ColumnRole.REVIEW_NOTE));
    assertThat(remembered.role()).isEqualTo(ColumnRole.REVIEW_NOTE);
    assertThat(remembered.reason()).contains("last upload");
  }
}
