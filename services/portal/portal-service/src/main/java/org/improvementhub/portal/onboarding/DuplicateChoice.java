package org.improvementhub.portal.onboarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.improvementhub.portal.page.Choice;

/**
 * An action whose ref the document uses twice, as the preview offers it: the ref the later one was
 * proposed as, the ref it repeats, where it is, and what is chosen for it (keep both as proposed
 * unless chosen otherwise). The plans API applies the choice whenever it reads the document.
 */
public record DuplicateChoice(
    int index, String ref, String repeats, String where, String message, String chosen) {

  /** What can be done with a duplicate, as the plans API names the choices. */
  static final List<Choice> RESOLUTIONS =
      List.of(
          Choice.of("KEEP_BOTH", "Keep both, this one numbered as proposed"),
          Choice.of("RENUMBER", "Give this one the next free number"),
          Choice.of(
              "MERGE", "Merge it into the first (its words added to the first's description)"),
          Choice.of("SKIP", "Leave this one out"));

  @SuppressWarnings("unchecked")
  static List<DuplicateChoice> of(Map<String, Object> proposal) {
    Map<String, Object> chosen =
        proposal.get("duplicateChoices") instanceof Map<?, ?> m
            ? (Map<String, Object>) m
            : Map.of();
    Set<String> actionRefs =
        ((List<Map<String, Object>>) proposal.getOrDefault("actions", List.of()))
            .stream().map(a -> ProposedRow.text(a.get("ref"))).collect(Collectors.toSet());
    List<DuplicateChoice> choices = new ArrayList<>();
    for (Map<String, Object> flag :
        (List<Map<String, Object>>) proposal.getOrDefault("flags", List.of())) {
      String ref = ProposedRow.text(flag.get("ref"));
      if ("DUPLICATE".equals(flag.get("kind"))
          && (actionRefs.contains(ref) || chosen.containsKey(ref))) {
        choices.add(
            new DuplicateChoice(
                choices.size(),
                ref,
                ProposedRow.text(flag.get("original")),
                FlaggedCell.where(flag.get("origin")),
                ProposedRow.text(flag.get("message")),
                chosen.containsKey(ref) ? String.valueOf(chosen.get(ref)) : "KEEP_BOTH"));
      }
    }
    return choices;
  }

  public String id() {
    return "duplicate-" + index;
  }
}
