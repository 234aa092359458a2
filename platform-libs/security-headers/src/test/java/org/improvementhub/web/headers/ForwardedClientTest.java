package org.improvementhub.web.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpRequest;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trusted proxies are addresses or CIDR ranges, IPv4 or IPv6; their header's rightmost entry names
 * the client, anyone else's header is ignored. (A request built from a URI has the URI's host as
 * its remote address.)
 */
class ForwardedClientTest {

  private static final ForwardedClient POD_NETWORK =
      new ForwardedClient(List.of("10.0.0.0/8", " fd00::/8 ", ""), "");

  @Test
  void anAddressIsWithinItsRangesAndNoOthers() throws Exception {
    InetAddress pod = InetAddress.getByName("10.42.7.19");
    assertThat(ForwardedClient.within(pod, "10.42.7.19")).isTrue();
    assertThat(ForwardedClient.within(pod, "10.42.0.0/16")).isTrue();
    assertThat(ForwardedClient.within(pod, "10.0.0.0/8")).isTrue();
    assertThat(ForwardedClient.within(pod, "10.42.7.16/29")).isTrue();
    assertThat(ForwardedClient.within(pod, "10.42.7.0/28")).isFalse();
    assertThat(ForwardedClient.within(pod, "10.43.0.0/16")).isFalse();
    assertThat(ForwardedClient.within(pod, "fd00::/8")).isFalse();
    assertThat(ForwardedClient.within(InetAddress.getByName("fd00::1"), "fd00::/8")).isTrue();
    assertThat(ForwardedClient.within(InetAddress.getByName("::1"), "0:0:0:0:0:0:0:1")).isTrue();
  }

  @Test
  void aTrustedProxysRightmostEntryNamesTheClient() {
    HttpRequest<?> viaIngress =
        HttpRequest.GET("http://10.42.7.19/sign-in")
            .header("X-Forwarded-For", "192.0.2.66, 203.0.113.9");
    assertThat(POD_NETWORK.addressOf(viaIngress)).isEqualTo("203.0.113.9");
    assertThat(POD_NETWORK.addressOf(HttpRequest.GET("http://10.42.7.19/sign-in")))
        .as("no header: the proxy itself")
        .isEqualTo("10.42.7.19");
    assertThat(
            new ForwardedClient(List.of("10.0.0.0/8"), "X-Real-IP")
                .addressOf(
                    HttpRequest.GET("http://10.42.7.19/").header("X-Real-IP", "198.51.100.4")))
        .isEqualTo("198.51.100.4");
  }

  @Test
  void anyoneElsesHeaderIsIgnored() {
    HttpRequest<?> direct =
        HttpRequest.GET("http://198.51.100.7/sign-in").header("X-Forwarded-For", "203.0.113.9");
    assertThat(POD_NETWORK.addressOf(direct)).isEqualTo("198.51.100.7");
    assertThat(new ForwardedClient(List.of(), "X-Forwarded-For").addressOf(direct))
        .as("no trusted proxies: never believed")
        .isEqualTo("198.51.100.7");
    HttpRequest<?> garbage =
        HttpRequest.GET("http://10.1.2.3/").header("X-Forwarded-For", "x".repeat(100));
    assertThat(POD_NETWORK.addressOf(garbage)).isEqualTo("10.1.2.3");
  }

  @Test
  void aNameOrABadPrefixStopsTheStartUp() {
    assertThatThrownBy(() -> new ForwardedClient(List.of("ingress.example.org"), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ingress.example.org");
    assertThatThrownBy(() -> new ForwardedClient(List.of("10.0.0.0/33"), ""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
