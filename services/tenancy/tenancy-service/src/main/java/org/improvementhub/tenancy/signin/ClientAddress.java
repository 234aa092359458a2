package org.improvementhub.tenancy.signin;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.List;
import org.improvementhub.web.headers.ForwardedClient;

/**
 * The address failed sign-ins are counted against: the connection's remote address, unless it is
 * one of {@code hub.sign-in.trusted-proxies} (addresses or CIDR ranges: the portal's pods, the
 * Ingress controller's), whose {@code X-Forwarded-For} then names the client (its rightmost entry;
 * see {@link ForwardedClient}).
 */
@Singleton
public class ClientAddress {

  private final ForwardedClient forwarded;

  public ClientAddress(@Value("${hub.sign-in.trusted-proxies:}") List<String> trustedProxies) {
    this.forwarded = new ForwardedClient(trustedProxies, "X-Forwarded-For");
  }

  public String of(HttpRequest<?> request) {
    return forwarded.addressOf(request);
  }
}
