package org.improvementhub.plans.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.improvementhub.plans.documents.ColumnGuess;
import org.improvementhub.plans.documents.Flag;
import org.improvementhub.plans.documents.ProposedAction;
import org.improvementhub.plans.documents.ProposedDriver;
import org.improvementhub.plans.documents.ProposedItem;
import org.improvementhub.plans.documents.Rag;

/**
 * A proposed plan as the programme manager previews it: the tree with counts per level, the
 * programme settings proposed, the column mapping with the reason for each guess, and every flag.
 *
 * @param status PROPOSED, or CONFIRMED once imported (then {@code programmeId} is the programme)
 * @param programme the programme settings the confirm will use unless given others
 * @param diff for a document uploaded against an existing programme: what it changes there
 * @param duplicateChoices what was chosen for each duplicate action ref (by its proposed ref):
 *     KEEP_BOTH, RENUMBER, MERGE or SKIP; a duplicate not listed is kept as proposed
 */
@Serdeable
public record ProposalView(
    UUID id,
    String fileName,
    String status,
    @Nullable UUID programmeId,
    @Nullable String title,
    List<String> levelNames,
    Map<String, Integer> countsPerLevel,
    Map<String, String> programme,
    List<ProposedItem> items,
    List<ProposedAction> actions,
    List<ProposedDriver> drivers,
    List<ColumnGuess> mapping,
    Map<String, Rag> legend,
    List<Flag> flags,
    @Nullable PlanDiff diff,
    @Nullable Map<String, String> duplicateChoices) {

  ProposalView withStatus(String newStatus) {
    return new ProposalView(
        id,
        fileName,
        newStatus,
        programmeId,
        title,
        levelNames,
        countsPerLevel,
        programme,
        items,
        actions,
        drivers,
        mapping,
        legend,
        flags,
        diff,
        duplicateChoices);
  }

  ProposalView withProgramme(UUID newProgrammeId) {
    return new ProposalView(
        id,
        fileName,
        status,
        newProgrammeId,
        title,
        levelNames,
        countsPerLevel,
        programme,
        items,
        actions,
        drivers,
        mapping,
        legend,
        flags,
        diff,
        duplicateChoices);
  }
}
