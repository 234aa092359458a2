package org.improvementhub.plans.documents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to do with an action whose ref the document uses twice (Peterborough's plan numbers two
 * actions 1.2.1). The reader proposes the later one as {@code 1.2.1-2}, flagged; the programme
 * manager chooses, per duplicate (named by that proposed ref):
 *
 * <ul>
 *   <li>{@link Resolution#KEEP_BOTH}: keep it as {@code 1.2.1-2} (what is proposed unless chosen);
 *   <li>{@link Resolution#RENUMBER}: give it the next free number among its siblings ({@code 1.2.4}
 *       when 1.2.1 to 1.2.3 are taken);
 *   <li>{@link Resolution#MERGE}: fold it into the first one, its words added to the first's
 *       description;
 *   <li>{@link Resolution#SKIP}: leave it out of the plan.
 * </ul>
 *
 * The duplicate's flag stays under the proposed ref (the name its choice is made by), its message
 * saying what was chosen, so the preview still shows the duplicate; the action's other flags follow
 * it to its new ref, or go with it.
 */
public final class DuplicateRefs {

  /** The choices for a duplicate ref. */
  public enum Resolution {
    KEEP_BOTH,
    RENUMBER,
    MERGE,
    SKIP
  }

  private DuplicateRefs() {}

  /** The refs of the duplicate actions a choice can be made for (their proposed refs). */
  public static Set<String> choosable(Proposal proposal) {
    Set<String> actionRefs =
        proposal.actions().stream().map(ProposedAction::ref).collect(Collectors.toSet());
    return proposal.flags().stream()
        .filter(f -> f.kind() == Flag.Kind.DUPLICATE && actionRefs.contains(f.ref()))
        .map(Flag::ref)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  /** The proposal with each chosen resolution applied; refs not chosen stay as proposed. */
  public static Proposal resolve(Proposal proposal, Map<String, Resolution> choices) {
    Set<String> choosable = choosable(proposal);
    List<ProposedAction> actions = new ArrayList<>(proposal.actions());
    List<Flag> flags = new ArrayList<>(proposal.flags());
    for (Map.Entry<String, Resolution> choice : choices.entrySet()) {
      String ref = choice.getKey();
      if (!choosable.contains(ref) || choice.getValue() == Resolution.KEEP_BOTH) {
        continue;
      }
      int flagAt = indexOfFlag(flags, ref);
      Flag flag = flags.get(flagAt);
      String first = flag.original();
      int at = indexOf(actions, ref);
      ProposedAction later = actions.get(at);
      String message;
      switch (choice.getValue()) {
        case RENUMBER -> {
          String renumbered = nextFree(first, actions);
          actions.set(at, withRef(later, renumbered, later.description()));
          message = "ref " + first + " is used twice: you chose to renumber this one " + renumbered;
          flag = new Flag(flag.kind(), ref, flag.field(), flag.origin(), first, message);
        }
        case MERGE -> {
          int firstAt = indexOf(actions, first);
          actions.remove(at);
          if (firstAt >= 0) {
            ProposedAction kept = actions.get(firstAt > at ? firstAt - 1 : firstAt);
            String words =
                later.title() + (later.description() == null ? "" : "\n" + later.description());
            String description =
                kept.description() == null ? words : kept.description() + "\n" + words;
            actions.set(
                firstAt > at ? firstAt - 1 : firstAt, withRef(kept, kept.ref(), description));
          }
          message =
              "ref "
                  + first
                  + " is used twice: you chose to merge this one into the first "
                  + first;
          flag = new Flag(flag.kind(), ref, flag.field(), flag.origin(), first, message);
        }
        default -> {
          actions.remove(at);
          message = "ref " + first + " is used twice: you chose to leave this one out";
          flag = new Flag(flag.kind(), ref, flag.field(), flag.origin(), first, message);
        }
      }
      flags.set(flagAt, flag);
      String now = choice.getValue() == Resolution.RENUMBER ? actions.get(at).ref() : ref;
      boolean gone = choice.getValue() != Resolution.RENUMBER;
      for (int i = flags.size() - 1; i >= 0; i--) {
        Flag other = flags.get(i);
        if (i == flagAt || !other.ref().equals(ref)) {
          continue;
        }
        // the action's other flags follow it: renamed with it, or gone with it
        if (gone) {
          flags.remove(i);
          flagAt -= i < flagAt ? 1 : 0;
        } else {
          flags.set(
              i,
              new Flag(
                  other.kind(),
                  now,
                  other.field(),
                  other.origin(),
                  other.original(),
                  other.message()));
        }
      }
    }
    Map<String, Integer> counts = new LinkedHashMap<>(proposal.countsPerLevel());
    counts.put("Action", actions.size());
    return new Proposal(
        proposal.title(),
        proposal.levelNames(),
        counts,
        proposal.items(),
        List.copyOf(actions),
        proposal.drivers(),
        proposal.mapping(),
        proposal.legend(),
        List.copyOf(flags));
  }

  /** The next number after the highest sibling of {@code ref}: 1.2.1 with 1.2.3 taken → 1.2.4. */
  static String nextFree(String ref, List<ProposedAction> actions) {
    int dot = ref.lastIndexOf('.');
    String prefix = dot < 0 ? "" : ref.substring(0, dot + 1);
    int highest = 0;
    for (ProposedAction action : actions) {
      String other = action.ref();
      if (other.startsWith(prefix) && other.substring(prefix.length()).matches("\\d{1,6}")) {
        highest = Math.max(highest, Integer.parseInt(other.substring(prefix.length())));
      }
    }
    return prefix + (highest + 1);
  }

  private static int indexOf(List<ProposedAction> actions, String ref) {
    for (int i = 0; i < actions.size(); i++) {
      if (actions.get(i).ref().equals(ref)) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOfFlag(List<Flag> flags, String ref) {
    for (int i = 0; i < flags.size(); i++) {
      if (flags.get(i).kind() == Flag.Kind.DUPLICATE && flags.get(i).ref().equals(ref)) {
        return i;
      }
    }
    throw new IllegalStateException("no duplicate flag for " + ref);
  }

  private static ProposedAction withRef(ProposedAction a, String ref, String description) {
    return new ProposedAction(
        ref,
        a.parentRef(),
        a.title(),
        description,
        a.successCriteria(),
        a.leads(),
        a.leadsText(),
        a.start(),
        a.due(),
        a.timescaleText(),
        a.rag(),
        a.statusText(),
        a.statusNote(),
        a.reviewNote(),
        a.drivers(),
        a.origin());
  }
}
