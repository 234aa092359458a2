package org.improvementhub.tenancy.signin;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The address failed sign-ins are counted against: the connection's remote address, unless it is
 * one of {@code hub.sign-in.trusted-proxies} (the portal, the Ingress), whose {@code
 * X-Forwarded-For} then names the client. The rightmost entry is taken, the one the trusted proxy
 * added itself; entries further left are whatever the client typed and are never believed.
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
    String remote =
        socket.getAddress() == null ? socket.getHostString() : socket.getAddress().getHostAddress();
    if (!trustedProxies.contains(remote)) {
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
}
