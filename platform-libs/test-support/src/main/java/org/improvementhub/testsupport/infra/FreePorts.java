package org.improvementhub.testsupport.infra;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A port nothing listens on, for a process started a moment later, chosen below the kernel's
 * ephemeral range ({@code net.ipv4.ip_local_port_range}).
 *
 * <p>Why not {@code new ServerSocket(0)}: that port comes from the ephemeral range, the same range
 * every outgoing connection's local port comes from, so between choosing it and the service binding
 * it a Kafka or JDBC client of another process could take it (session 9: tenancy could not start,
 * {@code BindException: Address already in use}, and a bench step was lost). A port below that
 * range is only ever taken by someone listening on it on purpose.
 */
public final class FreePorts {

  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final int LOWEST = 15_000;
  private static final int DEFAULT_EPHEMERAL_START = 32_768;

  private FreePorts() {}

  /**
   * A port free now, outside the ephemeral range.
   *
   * @throws IOException when no port in the range could be bound after many tries
   */
  public static int next() throws IOException {
    int below = ephemeralStart();
    if (below - LOWEST < 1_000) {
      // an unusual range leaves no room below it: the kernel's own choice then
      try (ServerSocket socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      }
    }
    IOException last = null;
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
      try (ServerSocket socket = new ServerSocket(port)) {
        socket.setReuseAddress(true);
        return port;
      } catch (IOException taken) {
        last = taken;
      }
    }
    throw new IOException("No free port between " + LOWEST + " and " + below, last);
  }

  private static int ephemeralStart() {
    try {
      String[] range = Files.readString(EPHEMERAL_RANGE).trim().split("\\s+");
      return Integer.parseInt(range[0]);
    } catch (IOException | RuntimeException e) {
      return DEFAULT_EPHEMERAL_START;
    }
  }
}
