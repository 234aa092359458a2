package org.improvementhub.tenancy.sso;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.improvementhub.web.headers.ForwardedClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The addresses tenancy connects to when it calls a council's provider. The allow-list ({@link
 * ProviderHosts}) checks names only, and a name on it may resolve to an address inside the
 * platform's network (loopback, link-local with the cloud's metadata service at 169.254.169.254,
 * the private and unique-local ranges): with {@code hub.sso.allow-inside-addresses} false (the
 * chart's setting) such a host is refused. The check is made on the one lookup whose answer {@link
 * ProviderCalls} then connects to, so a name that answers differently a second time (DNS rebinding)
 * never reaches an inside address. A host with any inside address is refused whole. Local runs and
 * tests, whose providers are on 127.0.0.1, set it true.
 */
@Singleton
class ProviderAddresses implements DnsResolver {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderAddresses.class);

  /** Ranges that are not the internet (RFC 6890 and its IPv6 counterparts). */
  private static final List<String> INSIDE =
      List.of(
          "0.0.0.0/8",
          "10.0.0.0/8",
          "100.64.0.0/10",
          "127.0.0.0/8",
          "169.254.0.0/16",
          "172.16.0.0/12",
          "192.0.0.0/24",
          "192.168.0.0/16",
          "198.18.0.0/15",
          "224.0.0.0/4",
          "240.0.0.0/4",
          "::/127",
          "fc00::/7",
          "fe80::/10",
          "fec0::/10",
          "ff00::/8");

  /** How a host's addresses are found: the system's resolver, or a test's. */
  @FunctionalInterface
  interface Lookup {
    InetAddress[] addressesOf(String host) throws UnknownHostException;
  }

  /** A provider host that resolves inside the platform's network. */
  static final class InsideAddress extends UnknownHostException {
    InsideAddress(String host) {
      super("the provider host " + host + " resolves to an address inside the platform's network");
    }
  }

  private final boolean allowInside;
  private final Lookup lookup;

  @Inject
  ProviderAddresses(@Value("${hub.sso.allow-inside-addresses:false}") boolean allowInside) {
    this(allowInside, InetAddress::getAllByName);
  }

  ProviderAddresses(boolean allowInside, Lookup lookup) {
    this.allowInside = allowInside;
    this.lookup = lookup;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] addresses = lookup.addressesOf(host);
    if (!allowInside) {
      for (InetAddress address : addresses) {
        if (inside(address)) {
          LOG.warn(
              "A council's provider host {} resolves to {}, inside the platform's network:"
                  + " not called (hub.sso.allow-inside-addresses)",
              host,
              address.getHostAddress());
          throw new InsideAddress(host);
        }
      }
    }
    return addresses;
  }

  /**
   * Whether a council admin's issuer on {@code host} is refused when saved: its name resolves to an
   * inside address now. Said at once, naming the issuer, rather than only when someone first tries
   * to sign in; the check on every call ({@link #resolve}) still stands, as the name may answer
   * differently later. A name that does not resolve now is left to that check.
   */
  boolean refusesIssuerHost(String host) {
    if (allowInside) {
      return false;
    }
    try {
      resolve(host);
      return false;
    } catch (InsideAddress e) {
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public String resolveCanonicalHostname(String host) {
    // only for Kerberos, which provider calls never use: no second lookup
    return host;
  }

  /** Whether {@code address} is inside the platform's network rather than on the internet. */
  static boolean inside(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length == 16 && embedsIpv4(bytes)) {
      // ::a.b.c.d, NAT64 64:ff9b::a.b.c.d: judged by the IPv4 address they carry
      try {
        return inside(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
      } catch (UnknownHostException e) {
        return true;
      }
    }
    return address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()
        || INSIDE.stream().anyMatch(range -> ForwardedClient.within(address, range));
  }

  private static boolean embedsIpv4(byte[] bytes) {
    boolean zeroPrefix = true;
    for (int i = 0; i < 12; i++) {
      zeroPrefix &= bytes[i] == 0;
    }
    boolean nat64 =
        bytes[0] == 0x00
            && bytes[1] == 0x64
            && bytes[2] == (byte) 0xff
            && bytes[3] == (byte) 0x9b
            && Arrays.equals(Arrays.copyOfRange(bytes, 4, 12), new byte[8]);
    // ::, ::1 are the IPv6 any and loopback addresses, not IPv4 ones
    boolean anyOrLoopback = zeroPrefix && bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0;
    return (zeroPrefix && !anyOrLoopback) || nat64;
  }
}
