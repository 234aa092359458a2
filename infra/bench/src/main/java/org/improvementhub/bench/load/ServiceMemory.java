package org.improvementhub.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.improvementhub.localstack.ServiceProcess;

/**
 * One service's memory at one moment: resident set size from {@code /proc/<pid>/status} (what the
 * machine and a Kubernetes limit see) and the JVM's heap in use from its own {@code /prometheus}
 * ({@code jvm_memory_used_bytes{area="heap"}}, summed over the pools). Heap in use right after a
 * full collection ({@link #afterFullGc}) is the live data: if that grows over a soak, something is
 * kept that should not be.
 */
public record ServiceMemory(String service, double rssMb, double heapUsedMb, boolean afterGc) {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Now, without disturbing the service. */
  public static ServiceMemory of(ServiceProcess process) {
    return new ServiceMemory(
        process.service().name(), rssMb(process.pid()), heapUsedMb(process.baseUrl()), false);
  }

  /** After asking the JVM for a full collection ({@code jcmd <pid> GC.run}). */
  public static ServiceMemory afterFullGc(ServiceProcess process) {
    try {
      Process jcmd =
          new ProcessBuilder("jcmd", String.valueOf(process.pid()), "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      jcmd.waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new IllegalStateException("jcmd is needed (a JDK, not a JRE) to force a collection", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return new ServiceMemory(
        process.service().name(), rssMb(process.pid()), heapUsedMb(process.baseUrl()), true);
  }

  static double rssMb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
      return Double.NaN;
    } catch (IOException | RuntimeException e) {
      // a process that has gone, or a system without /proc
      return Double.NaN;
    }
  }

  static double heapUsedMb(String baseUrl) {
    String metrics = metrics(baseUrl);
    return metrics == null ? Double.NaN : heapUsedBytes(metrics) / (1024.0 * 1024.0);
  }

  /** The service's Prometheus page, or null when it cannot be read. */
  static String metrics(String baseUrl) {
    try {
      HttpResponse<String> metrics =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/prometheus"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return metrics.statusCode() == 200 ? metrics.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The sum of {@code jvm_memory_used_bytes} over the heap's pools, in a Prometheus text page. */
  static double heapUsedBytes(String prometheusText) {
    double sum = 0;
    boolean found = false;
    for (String line : prometheusText.split("\n")) {
      if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        found = true;
      }
    }
    return found ? sum : Double.NaN;
  }
}
