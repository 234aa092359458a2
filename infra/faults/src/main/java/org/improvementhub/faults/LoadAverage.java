package org.improvementhub.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's load average over 1, 5 and 15 minutes, printed beside the figures: on a shared
 * machine a slow restart says more about the neighbours than about the service.
 */
final class LoadAverage {

  private LoadAverage() {}

  /** "1.23 4.56 7.89", or "unknown" where {@code /proc/loadavg} cannot be read. */
  static String now() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      return "unknown";
    }
  }
}
