package org.improvementhub.web.headers;

import io.micronaut.http.HttpRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The address of the client behind a request: the connection's remote address, unless the
 * connection comes from a trusted proxy (an address or CIDR range: the Ingress controller's pods,
 * the portal's pods), whose forwarding header then names the client. The rightmost entry of that
 * header is taken, the one the trusted proxy added itself; entries further left are whatever the
 * client sent and are never believed. Without trusted proxies the header is ignored: anyone could
 * have written it.
 *
 * @param trustedProxies addresses or ranges ({@code 10.0.0.0/8}, {@code fd00::/8}, {@code
 *     127.0.0.1}), literal only (no name is looked up)
 * @param header the forwarding header, usually {@code X-Forwarded-For}
 */
public record ForwardedClient(List<String> trustedProxies, String header) {

  public ForwardedClient {
    trustedProxies = trustedProxies.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    for (String range : trustedProxies) {
      parse(range); // a wrong range stops the start-up, not the first sign-in
    }
    header = header == null || header.isBlank() ? "X-Forwarded-For" : header.strip();
  }

  /** The client's address, as text. */
  public String addressOf(HttpRequest<?> request) {
    InetSocketAddress socket = request.getRemoteAddress();
    if (socket.getAddress() == null) {
      return socket.getHostString();
    }
    String remote = socket.getAddress().getHostAddress();
    if (trustedProxies.stream().noneMatch(range -> within(socket.getAddress(), range))) {
      return remote;
    }
    String forwarded = request.getHeaders().get(header);
    if (forwarded == null || forwarded.isBlank()) {
      return remote;
    }
    String[] hops = forwarded.split(",");
    String client = hops[hops.length - 1].strip();
    // an address is short; anything else is not one
    return client.isEmpty() || client.length() > 64 ? remote : client;
  }

  /** Whether {@code address} is in {@code range}: an address, or an address and a prefix length. */
  public static boolean within(InetAddress address, String range) {
    Range parsed = parse(range);
    byte[] candidate = address.getAddress();
    if (parsed.network().length != candidate.length) {
      return false;
    }
    int bits = parsed.prefix();
    for (int i = 0; i < candidate.length && bits > 0; i++, bits -= 8) {
      int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
      if ((parsed.network()[i] & mask) != (candidate[i] & mask)) {
        return false;
      }
    }
    return true;
  }

  private record Range(byte[] network, int prefix) {}

  private static Range parse(String range) {
    int slash = range.indexOf('/');
    String address = slash < 0 ? range : range.substring(0, slash);
    // literal addresses only: a name here would be looked up on every request
    if (!address.matches("[0-9a-fA-F.:]+")) {
      throw new IllegalArgumentException("trusted proxies: not an address: " + range);
    }
    try {
      byte[] network = InetAddress.getByName(address).getAddress();
      int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(range.substring(slash + 1));
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException("trusted proxies: not a prefix length: " + range);
      }
      return new Range(network, prefix);
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("trusted proxies: not an address: " + range, e);
    }
  }
}
