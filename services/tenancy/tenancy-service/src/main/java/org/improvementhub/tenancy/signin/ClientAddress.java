package org.improvementhub.tenancy.signin;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The address failed sign-ins are counted against: the connection's remote address, unless it is
 * one of {@code hub.sign-in.trusted-proxies} (addresses or CIDR ranges: the portal's pods, the
 * Ingress), whose {@code X-Forwarded-For} then names the client. The rightmost entry is taken, the
 * one the trusted proxy added itself; entries further left are whatever the client typed and are
 * never believed.
 */
@Singleton
public class ClientAddress {

  private final List<String> trustedProxies;

  public ClientAddress(@Value("${hub.sign-in.trusted-proxies:}") List<String> trustedProxies) {
    this.trustedProxies =
        trustedProxies.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
  }

  public String of(HttpRequest<?> request) {
    InetSocketAddress socket = request.getRemoteAddress();
    if (socket.getAddress() == null) {
      return socket.getHostString();
    }
    String remote = socket.getAddress().getHostAddress();
    if (trustedProxies.stream().noneMatch(range -> within(socket.getAddress(), range))) {
      return remote;
    }
    String forwarded = request.getHeaders().get("X-Forwarded-For");
    if (forwarded == null || forwarded.isBlank()) {
      return remote;
    }
    String[] hops = forwarded.split(",");
    String client = hops[hops.length - 1].strip();
    // an address is short; anything else is not one
    return client.isEmpty() || client.length() > 64 ? remote : client;
  }

  /** Whether {@code address} is {@code range}: an address, or an address and a prefix length. */
  static boolean within(InetAddress address, String range) {
    int slash = range.indexOf('/');
    try {
      // only literal addresses are configured: getByName then does no lookup
      byte[] network =
          InetAddress.getByName(slash < 0 ? range : range.substring(0, slash)).getAddress();
      byte[] candidate = address.getAddress();
      if (network.length != candidate.length) {
        return false;
      }
      int bits = slash < 0 ? network.length * 8 : Integer.parseInt(range.substring(slash + 1));
      for (int i = 0; i < network.length && bits > 0; i++, bits -= 8) {
        int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
        if ((network[i] & mask) != (candidate[i] & mask)) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "hub.sign-in.trusted-proxies: not an address: " + range, e);
    }
  }
}
