package org.improvementhub.portal.signin;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.List;
import org.improvementhub.web.headers.ForwardedClient;

/**
 * The browser's network address, passed to tenancy's sign-in so that failures are counted against
 * the person's address and not the portal's: the connection's remote address, or, when the
 * connection comes from one of {@code hub.portal.trusted-proxies} (the Ingress controller's pods),
 * the rightmost entry of the header it sets ({@code hub.portal.client-address-header}, {@code
 * X-Forwarded-For} by default). A header from anyone else is ignored: a browser could have written
 * it to spread its failures over invented addresses.
 */
@Singleton
public class BrowserAddress {

  private final ForwardedClient forwarded;

  public BrowserAddress(
      @Value("${hub.portal.trusted-proxies:}") List<String> trustedProxies,
      @Value("${hub.portal.client-address-header:X-Forwarded-For}") String header) {
    this.forwarded = new ForwardedClient(trustedProxies, header);
  }

  public String of(HttpRequest<?> request) {
    return forwarded.addressOf(request);
  }
}
