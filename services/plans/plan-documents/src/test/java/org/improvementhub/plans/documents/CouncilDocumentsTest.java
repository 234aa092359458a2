package org.improvementhub.plans.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.improvementhub.plans.documents.fixtures.CouncilDocuments;
import org.improvementhub.plans.documents.fixtures.DemoPlan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each council's own Word plan (fixture) read gives its hand-built demo plan, up to what the
 * document lacks; and every difference is a flagged cell.
 */
class CouncilDocumentsTest {

  @ParameterizedTest
  @ValueSource(strings = {"nottinghamshire", "peterborough", "walsall", "west-sussex"})
  void everyDifferenceFromTheDemoPlanIsFlagged(String slug) {
    DemoPlan demo = DemoPlan.of(slug);
    Proposal proposal = new PlanDocumentReader(Map.of()).read(CouncilDocuments.of(slug));

    Map<String, ProposedItem> items =
        proposal.items().stream().collect(Collectors.toMap(ProposedItem::ref, Function.identity()));
    for (Map<String, String> item : demo.records("ITEM")) {
      ProposedItem read = items.get(item.get("ref"));
      assertThat(read).as(slug + " item " + item.get("ref")).isNotNull();
      assertThat(read.title())
          .as(slug + " item title " + item.get("ref"))
          .isEqualTo(item.get("title"));
      assertThat(Objects.toString(read.parentRef(), ""))
          .as(slug + " item parent " + item.get("ref"))
          .isEqualTo(item.get("parent_ref"));
    }
    assertThat(proposal.items()).hasSameSizeAs(demo.records("ITEM"));

    Map<String, ProposedAction> actions =
        proposal.actions().stream()
            .collect(Collectors.toMap(ProposedAction::ref, Function.identity()));
    List<String> differences = new ArrayList<>();
    List<String> unflagged = new ArrayList<>();
    for (Map<String, String> action : demo.records("ACTION")) {
      String ref = action.get("ref");
      ProposedAction read = actions.get(ref);
      if (read == null) {
        // the document numbers it differently: a duplicate ref, flagged with its choices
        differences.add(ref + ": ref");
        if (proposal.flags().stream()
            .noneMatch(
                f ->
                    f.kind() == Flag.Kind.DUPLICATE
                        && f.ref().startsWith(ref.substring(0, ref.lastIndexOf('.'))))) {
          unflagged.add(ref + " ref");
        }
        continue;
      }
      check(proposal, differences, unflagged, read, "title", action.get("title"), read.title());
      check(
          proposal,
          differences,
          unflagged,
          read,
          "parent_ref",
          action.get("parent_ref"),
          read.parentRef());
      check(
          proposal,
          differences,
          unflagged,
          read,
          "due",
          action.get("due_date"),
          read.due() == null ? "" : read.due().toString());
      check(
          proposal,
          differences,
          unflagged,
          read,
          "leads",
          String.join("; ", DemoPlan.leadNames(action.get("leads"))),
          read.leads().stream()
              .map(l -> l.replaceAll("\\s*\\(.*\\)$", ""))
              .collect(Collectors.joining("; ")));
      List<String> demoDrivers =
          action.get("drivers").isBlank()
              ? List.of()
              : List.of(action.get("drivers").split("\\s*;\\s*"));
      if (!new java.util.HashSet<>(demoDrivers).equals(new java.util.HashSet<>(read.drivers()))) {
        differences.add(ref + ": drivers");
        // the document cites other refs than the demo (each flagged as needing its words), or none
        boolean citedOthers =
            !read.drivers().isEmpty()
                && read.drivers().stream()
                    .allMatch(
                        d ->
                            proposal.flags().stream()
                                .anyMatch(f -> f.ref().equals(d) && f.field().equals("driver")));
        boolean flaggedNone =
            proposal.flags().stream()
                .anyMatch(f -> f.ref().equals(ref) && f.field().equals("drivers"));
        if (!citedOthers && !flaggedNone) {
          unflagged.add(ref + " drivers: demo " + demoDrivers + ", read " + read.drivers());
        }
      }
      String rag = demo.latestProgress(ref).getOrDefault("rag", action.get("rag"));
      if (!rag.isEmpty() || read.rag() != null) {
        check(
            proposal,
            differences,
            unflagged,
            read,
            "rag",
            rag,
            read.rag() == null ? "" : read.rag().name());
      }
    }
    assertThat(unflagged).as(slug + ": differences from the demo plan with no flag").isEmpty();
    assertThat(proposal.actions()).hasSameSizeAs(demo.records("ACTION"));
    System.out.printf(
        "%s: %d items, %d actions, %d flags, %d differences from the demo plan: %s%n",
        slug,
        proposal.items().size(),
        proposal.actions().size(),
        proposal.flags().size(),
        differences.size(),
        differences.stream().limit(12).toList());
  }

  private static void check(
      Proposal proposal,
      List<String> differences,
      List<String> unflagged,
      ProposedAction read,
      String field,
      String expected,
      String actual) {
    if (Objects.equals(expected, Objects.toString(actual, ""))) {
      return;
    }
    differences.add(read.ref() + ": " + field);
    if (proposal.flags().stream()
        .noneMatch(f -> f.ref().equals(read.ref()) && f.field().equals(field))) {
      unflagged.add(
          read.ref() + " " + field + ": demo \"" + expected + "\", read \"" + actual + "\"");
    }
  }

  @SuppressWarnings("unused")
  private static LocalDate day(String text) {
    return text.isEmpty() ? null : LocalDate.parse(text);
  }
}
