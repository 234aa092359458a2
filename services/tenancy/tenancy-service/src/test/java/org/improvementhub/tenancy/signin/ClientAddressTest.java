package org.improvementhub.tenancy.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Trusted proxies are addresses or CIDR ranges, IPv4 or IPv6. */
class ClientAddressTest {

  @Test
  void anAddressIsWithinItsRangesAndNoOthers() throws Exception {
    InetAddress pod = InetAddress.getByName("10.42.7.19");
    assertThat(ClientAddress.within(pod, "10.42.7.19")).isTrue();
    assertThat(ClientAddress.within(pod, "10.42.0.0/16")).isTrue();
    assertThat(ClientAddress.within(pod, "10.0.0.0/8")).isTrue();
    assertThat(ClientAddress.within(pod, "10.42.7.16/29")).isTrue();
    assertThat(ClientAddress.within(pod, "10.42.7.0/28")).isFalse();
    assertThat(ClientAddress.within(pod, "10.43.0.0/16")).isFalse();
    assertThat(ClientAddress.within(pod, "fd00::/8")).isFalse();
    assertThat(ClientAddress.within(InetAddress.getByName("fd00::1"), "fd00::/8")).isTrue();
    assertThat(ClientAddress.within(InetAddress.getByName("::1"), "0:0:0:0:0:0:0:1")).isTrue();
  }
}
