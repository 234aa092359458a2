package org.improvementhub.testsupport.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;

/** The forms made are each a different break of the valid one, and every kind is made. */
class AlmostValidFormsTest {

  private static final String CSV = "measure,period,value\nVisits,2024-01,80\n";

  /** One bad file stands for AlmostValidFiles here: making workbooks is slow and tested there. */
  private static final Arbitrary<BadFile> ONE_BAD_FILE =
      Arbitraries.just(new BadFile("a row short", BadFile.CSV, "measure\n".getBytes()));

  @Example
  void multipartFormsBreakTheEnvelopeOrCarryABadFile() {
    BadFile valid = new BadFile("as it is", BadFile.CSV, CSV.getBytes(StandardCharsets.UTF_8));
    Arbitrary<BadBody> forms =
        AlmostValidForms.multipart(
            Map.of("csrf", "token"), "file", "values.csv", valid, ONE_BAD_FILE);
    Set<String> kinds = new HashSet<>();
    forms.generator(100).stream(new Random(42))
        .limit(150)
        .forEach(
            shrinkable -> {
              BadBody form = shrinkable.value();
              kinds.add(form.mutation().replaceAll(" \\[.*", "").split(" ")[0]);
              assertThat(form.contentType()).as(form.mutation()).isNotNull();
            });
    assertThat(kinds).contains("envelope", "cut", "part", "file", "a", "the", "no");
  }

  @Example
  void aBrokenEnvelopeStillHoldsTheFileWhereItShould() {
    BadFile valid = new BadFile("as it is", BadFile.CSV, CSV.getBytes(StandardCharsets.UTF_8));
    List<BadBody> forms =
        AlmostValidForms.multipart(Map.of(), "file", "values.csv", valid, ONE_BAD_FILE)
            .generator(100)
            .stream(new Random(7))
            .limit(200)
            .map(s -> s.value())
            .filter(f -> f.mutation().equals("part typed image/png"))
            .toList();
    assertThat(forms).isNotEmpty();
    String text = new String(forms.get(0).bytes(), StandardCharsets.UTF_8);
    assertThat(text)
        .contains("name=\"file\"; filename=\"values.csv\"")
        .contains("Content-Type: image/png")
        .contains(CSV)
        .endsWith("--fuzz-envelope--\r\n");
  }

  @Example
  void urlEncodedFormsChangeOneField() {
    Map<String, String> valid = new LinkedHashMap<>();
    valid.put("csrf", "token");
    valid.put("title", "Review the front door");
    Set<String> mutations = new HashSet<>();
    AlmostValidForms.urlEncoded(valid).generator(100).stream(new Random(1))
        .limit(200)
        .forEach(s -> mutations.add(s.value().mutation().split("[ =]")[0]));
    assertThat(mutations).contains("csrf", "title", "without", "extra", "whole", "sent", "not");
  }
}
