package org.improvementhub.plans.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.improvementhub.plans.documents.DuplicateRefs.Resolution;
import org.improvementhub.plans.documents.fixtures.CouncilDocuments;
import org.junit.jupiter.api.Test;

/**
 * Peterborough's plan numbers two actions 1.2.1: the later one is proposed as 1.2.1-2 and flagged,
 * and each choice (renumber, merge into the first, leave out, keep both) gives the plan it says.
 */
class DuplicateRefsTest {

  private final Proposal read =
      new PlanDocumentReader(Map.of()).read(CouncilDocuments.of("peterborough"));

  @Test
  void theLaterOfTwoActionsWithOneRefCanBeChosenFor() {
    assertThat(DuplicateRefs.choosable(read)).containsExactly("1.2.1-2");
    assertThat(refs(DuplicateRefs.resolve(read, Map.of("1.2.1-2", Resolution.KEEP_BOTH))))
        .isEqualTo(refs(read));
  }

  @Test
  void renumberingGivesTheNextFreeNumberAmongItsSiblings() {
    Proposal resolved = DuplicateRefs.resolve(read, Map.of("1.2.1-2", Resolution.RENUMBER));
    String next = DuplicateRefs.nextFree("1.2.1", read.actions());
    assertThat(next).startsWith("1.2.").isNotIn(refs(read));
    assertThat(refs(resolved)).contains(next).doesNotContain("1.2.1-2").hasSize(refs(read).size());
    assertThat(resolved.countsPerLevel().get("Action")).isEqualTo(read.actions().size());
    assertThat(resolved.flags())
        .anyMatch(
            f ->
                f.kind() == Flag.Kind.DUPLICATE
                    && f.ref().equals("1.2.1-2")
                    && f.message().contains("renumber this one " + next));
    // the action's other flags follow it to its new ref
    assertThat(resolved.flags())
        .filteredOn(f -> f.ref().equals("1.2.1-2"))
        .allMatch(f -> f.kind() == Flag.Kind.DUPLICATE);
  }

  @Test
  void mergingFoldsItsWordsIntoTheFirstAndSkippingLeavesItOut() {
    ProposedAction later = action(read, "1.2.1-2");
    Proposal merged = DuplicateRefs.resolve(read, Map.of("1.2.1-2", Resolution.MERGE));
    assertThat(refs(merged)).doesNotContain("1.2.1-2").hasSize(refs(read).size() - 1);
    assertThat(action(merged, "1.2.1").description()).contains(later.title());
    assertThat(merged.countsPerLevel().get("Action")).isEqualTo(read.actions().size() - 1);

    Proposal skipped = DuplicateRefs.resolve(read, Map.of("1.2.1-2", Resolution.SKIP));
    assertThat(refs(skipped)).doesNotContain("1.2.1-2").hasSize(refs(read).size() - 1);
    assertThat(action(skipped, "1.2.1")).isEqualTo(action(read, "1.2.1"));
    assertThat(skipped.flags())
        .anyMatch(
            f ->
                f.kind() == Flag.Kind.DUPLICATE
                    && f.ref().equals("1.2.1-2")
                    && f.message().contains("leave this one out"));
  }

  private static List<String> refs(Proposal proposal) {
    return proposal.actions().stream().map(ProposedAction::ref).toList();
  }

  private static ProposedAction action(Proposal proposal, String ref) {
    return proposal.actions().stream().filter(a -> a.ref().equals(ref)).findFirst().orElseThrow();
  }
}
