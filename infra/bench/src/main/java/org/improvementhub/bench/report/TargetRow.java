package org.improvementhub.bench.report;

/** One row of the report: a target of issue 13, what was measured and whether it is met. */
public record TargetRow(String measure, String target, String measured, Verdict verdict) {

  public enum Verdict {
    MET("met"),
    NOT_MET("**not met**"),
    NOT_MEASURED_YET("not measured yet");

    private final String written;

    Verdict(String written) {
      this.written = written;
    }

    public String written() {
      return written;
    }

    static Verdict of(boolean met) {
      return met ? MET : NOT_MET;
    }
  }

  static TargetRow notMeasuredYet(String measure, String target, String why) {
    return new TargetRow(measure, target, why, Verdict.NOT_MEASURED_YET);
  }

  String markdown() {
    return "| "
        + measure.replace("|", "\\|")
        + " | "
        + target.replace("|", "\\|")
        + " | "
        + measured.replace("|", "\\|")
        + " | "
        + verdict.written()
        + " |";
  }
}
