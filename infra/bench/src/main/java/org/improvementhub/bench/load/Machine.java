package org.improvementhub.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How busy the machine is: the figures mean little without it on a shared machine. */
public final class Machine {

  private Machine() {}

  /** The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} gives them. */
  public static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  public static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }
}
