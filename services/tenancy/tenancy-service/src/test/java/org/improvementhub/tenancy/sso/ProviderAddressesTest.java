package org.improvementhub.tenancy.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which addresses are inside the platform's network, and a provider host that resolves there. */
class ProviderAddressesTest {

  private static final List<String> INSIDE =
      List.of(
          "127.0.0.1",
          "127.8.9.10",
          "0.0.0.0",
          "10.1.2.3",
          "172.16.0.1",
          "172.31.255.254",
          "192.168.1.1",
          "169.254.169.254",
          "100.64.0.10",
          "224.0.0.251",
          "255.255.255.255",
          "::",
          "::1",
          "fd00:ec2::254",
          "fc12::1",
          "fe80::1",
          "::ffff:169.254.169.254",
          "::ffff:127.0.0.1",
          "::10.0.0.1",
          "64:ff9b::a9fe:a9fe");

  private static final List<String> OUTSIDE =
      List.of(
          "20.190.151.68",
          "8.8.8.8",
          "172.32.0.1",
          "100.128.0.1",
          "2603:1026:3000::1",
          "64:ff9b::808:808",
          "::ffff:8.8.8.8");

  @Test
  void loopbackLinkLocalPrivateAndUniqueLocalAreInsideTheInternetIsNot() throws Exception {
    for (String address : INSIDE) {
      assertThat(ProviderAddresses.inside(InetAddress.getByName(address))).as(address).isTrue();
    }
    for (String address : OUTSIDE) {
      assertThat(ProviderAddresses.inside(InetAddress.getByName(address))).as(address).isFalse();
    }
  }

  @Test
  void aProviderHostThatResolvesInsideIsRefusedUnlessThePlatformAllowsIt() throws Exception {
    ProviderAddresses.Lookup metadata = host -> addresses("20.190.151.68", "169.254.169.254");
    ProviderAddresses.Lookup outside = host -> addresses("20.190.151.68", "2603:1026:3000::1");

    assertThatThrownBy(() -> new ProviderAddresses(false, metadata).resolve("idp.example.gov.uk"))
        .as("one inside address among outside ones refuses the host")
        .isInstanceOf(ProviderAddresses.InsideAddress.class)
        .hasMessageContaining("idp.example.gov.uk");
    assertThat(new ProviderAddresses(false, outside).resolve("idp.example.gov.uk"))
        .extracting(InetAddress::getHostAddress)
        .containsExactly("20.190.151.68", "2603:1026:3000:0:0:0:0:1");
    assertThat(new ProviderAddresses(true, metadata).resolve("idp.example.gov.uk"))
        .as("local runs and tests")
        .hasSize(2);

    // the system's resolver: a literal inside address and a name that resolves inside
    ProviderAddresses platform = new ProviderAddresses(false);
    for (String host : List.of("127.0.0.1", "localhost", "169.254.169.254", "::1")) {
      assertThatThrownBy(() -> platform.resolve(host))
          .as(host)
          .isInstanceOf(ProviderAddresses.InsideAddress.class);
    }
  }

  private static InetAddress[] addresses(String... literals) throws UnknownHostException {
    InetAddress[] addresses = new InetAddress[literals.length];
    for (int i = 0; i < literals.length; i++) {
      addresses[i] = InetAddress.getByName(literals[i]);
    }
    return addresses;
  }
}
