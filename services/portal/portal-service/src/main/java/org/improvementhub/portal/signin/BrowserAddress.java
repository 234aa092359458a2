package org.improvementhub.portal.signin;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;

/**
 * The browser's network address, passed to tenancy's sign-in so that failures are counted against
 * the person's address: the connection's remote address, or, behind an Ingress, the header it sets
 * to the client's address ({@code hub.portal.client-address-header}, e.g. {@code X-Real-IP}, which
 * the Ingress overwrites; never a header the browser could have written itself).
 */
@Singleton
public class BrowserAddress {

  private final String header;

  public BrowserAddress(@Value("${hub.portal.client-address-header:}") String header) {
    this.header = header.strip();
  }

  public String of(HttpRequest<?> request) {
    if (!header.isEmpty()) {
      String value = request.getHeaders().get(header);
      if (value != null && !value.isBlank() && value.strip().length() <= 64) {
        return value.strip();
      }
    }
    InetSocketAddress socket = request.getRemoteAddress();
    return socket.getAddress() == null
        ? socket.getHostString()
        : socket.getAddress().getHostAddress();
  }
}
