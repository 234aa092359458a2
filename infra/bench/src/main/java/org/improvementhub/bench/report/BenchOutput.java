package org.improvementhub.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one of the older benches printed ({@code run-all.sh} keeps each one's output as {@code
 * <bench>.txt} in the results folder), read back line by line: they print figures for people, so
 * the report finds a figure by the words of its line.
 */
record BenchOutput(String name, String text) {

  private static final Pattern PERCENTILE =
      Pattern.compile("p(\\d+(?:\\.\\d+)?)=(\\d+(?:\\.\\d+)?) ms");

  /** The output in {@code folder/<name>.txt}, if that bench ran. */
  static Optional<BenchOutput> in(Path folder, String name) {
    Path file = folder.resolve(name + ".txt");
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BenchOutput(name, Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first line that starts with {@code prefix} (after spaces). */
  Optional<String> line(String prefix) {
    return text.lines().map(String::strip).filter(l -> l.startsWith(prefix)).findFirst();
  }

  /** Percentile {@code p} (e.g. "95") of the first line starting with {@code prefix}, in ms. */
  OptionalDouble percentile(String prefix, String p) {
    return line(prefix).map(l -> percentileIn(l, p)).orElse(OptionalDouble.empty());
  }

  static OptionalDouble percentileIn(String line, String p) {
    Matcher m = PERCENTILE.matcher(line);
    while (m.find()) {
      if (m.group(1).equals(p)) {
        return OptionalDouble.of(Double.parseDouble(m.group(2)));
      }
    }
    return OptionalDouble.empty();
  }

  /** The first number ({@code group 1} of {@code regex}) anywhere in the output. */
  OptionalDouble number(String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
  }
}
