package org.improvementhub.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.improvementhub.localstack.ServiceProcess;

/**
 * Each service's garbage collection so far, read with {@code jstat -gc} (the JDK's own tool: the
 * services expose no JMX). Taken before and after a fixed number of requests it gives, per 1,000
 * requests, how many collections paused the service and for how long, and roughly how many bytes a
 * request allocated: like CPU per request, figures that hardly move when other work shares the
 * machine, unlike latency.
 */
public final class ServiceGc {

  /** One {@code jstat -gc} reading; sizes in KB, times in seconds as jstat gives them. */
  public record Reading(double edenKb, double edenUsedKb, long pauses, double pauseSeconds) {}

  /** What one service's collections cost per 1,000 requests between two readings. */
  public record PerThousand(double pauses, double pauseMs, double allocatedMb) {}

  private ServiceGc() {}

  /** Each service's reading now (absent where jstat could not read it). */
  public static Map<String, Reading> read(Map<String, ServiceProcess> services) {
    Map<String, Reading> readings = new LinkedHashMap<>();
    services.forEach(
        (name, process) -> {
          Reading reading = read(process.pid());
          if (reading != null) {
            readings.put(name, reading);
          }
        });
    return readings;
  }

  static Reading read(long pid) {
    try {
      Process jstat =
          new ProcessBuilder("jstat", "-gc", Long.toString(pid)).redirectErrorStream(true).start();
      String out = new String(jstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!jstat.waitFor(30, TimeUnit.SECONDS) || jstat.exitValue() != 0) {
        return null;
      }
      return fromJstat(out);
    } catch (IOException | RuntimeException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /**
   * The figures of {@code jstat -gc}'s two lines (a header, then values), found by column name:
   * every collection that pauses the application is counted (young, full and, for concurrent
   * collectors, their pauses: {@code CGC}).
   */
  static Reading fromJstat(String out) {
    String[] lines = out.strip().split("\\R");
    String[] names = lines[0].strip().split("\\s+");
    String[] values = lines[lines.length - 1].strip().split("\\s+");
    Map<String, String> column = new LinkedHashMap<>();
    for (int i = 0; i < names.length && i < values.length; i++) {
      column.put(names[i], values[i]);
    }
    long pauses = whole(column.get("YGC")) + whole(column.get("FGC")) + whole(column.get("CGC"));
    return new Reading(
        number(column.get("EC")), number(column.get("EU")), pauses, number(column.get("GCT")));
  }

  private static double number(String value) {
    return value == null || value.equals("-") ? 0 : Double.parseDouble(value);
  }

  private static long whole(String value) {
    return value == null || value.equals("-") ? 0 : Long.parseLong(value);
  }

  /**
   * Per 1,000 requests between two readings. Allocation is estimated from eden: every young
   * collection found eden full, so the bytes allocated are the collections times eden's size plus
   * how much more of eden is in use now ({@code ≈}: eden's size may change between collections).
   */
  public static Map<String, PerThousand> perThousand(
      Map<String, Reading> before, Map<String, Reading> after, long requests) {
    Map<String, PerThousand> per = new LinkedHashMap<>();
    if (requests <= 0) {
      return per;
    }
    double thousands = requests / 1000.0;
    before.forEach(
        (name, first) -> {
          Reading last = after.get(name);
          if (last == null) {
            return;
          }
          long pauses = last.pauses() - first.pauses();
          double edenKb = (first.edenKb() + last.edenKb()) / 2;
          double allocatedKb = pauses * edenKb + last.edenUsedKb() - first.edenUsedKb();
          per.put(
              name,
              new PerThousand(
                  round(pauses / thousands),
                  round((last.pauseSeconds() - first.pauseSeconds()) * 1000 / thousands),
                  round(Math.max(0, allocatedKb) / 1024 / thousands)));
        });
    return per;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
