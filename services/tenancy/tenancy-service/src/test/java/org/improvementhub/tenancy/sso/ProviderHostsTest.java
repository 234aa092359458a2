package org.improvementhub.tenancy.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The platform's allow-list of provider hosts, and the rules that use it. */
class ProviderHostsTest {

  private final ProviderHosts hosts =
      new ProviderHosts(List.of("login.microsoftonline.com", " *.Example.gov.uk ", "127.0.0.1"));

  @Test
  void exactHostsAndHostsUnderAnAllowedDomainOnly() {
    assertThat(hosts.allows("login.microsoftonline.com")).isTrue();
    assertThat(hosts.allows("LOGIN.microsoftonline.com.")).isTrue();
    assertThat(hosts.allows("idp.walsall.example.gov.uk")).isTrue();
    assertThat(hosts.allows("walsall.example.gov.uk")).isTrue();

    assertThat(hosts.allows("example.gov.uk")).as("the domain itself").isFalse();
    assertThat(hosts.allows("evil-example.gov.uk")).isFalse();
    assertThat(hosts.allows("example.gov.uk.evil.org")).isFalse();
    assertThat(hosts.allows("login.microsoftonline.com.evil.org")).isFalse();
    assertThat(hosts.allows("microsoftonline.com")).isFalse();
    assertThat(hosts.allows("169.254.169.254")).isFalse();
    assertThat(hosts.allows("localhost")).isFalse();
    assertThat(hosts.allows(null)).isFalse();
    assertThat(hosts.none()).isFalse();
  }

  @Test
  void emptyAllowsNothingAndWildcardsTooWideStopTheStart() {
    ProviderHosts none = new ProviderHosts(List.of(""));
    assertThat(none.none()).isTrue();
    assertThat(none.allows("login.microsoftonline.com")).isFalse();

    for (String wide : List.of("*", "*.uk", "https://login.example.org", "a.*.org", "host:443")) {
      assertThatThrownBy(() -> new ProviderHosts(List.of(wide)))
          .as(wide)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("hub.sso.allowed-issuer-hosts");
    }
  }

  @Test
  void issuersAndEndpointsMustBeOnAllowedHosts() {
    SsoRules rules =
        new SsoRules(true, List.of("https://hub.example.gov.uk/sign-in/sso-callback"), hosts);

    assertThat(rules.issuerProblem("https://login.microsoftonline.com/tenant/v2.0")).isNull();
    assertThat(rules.issuerProblem("http://127.0.0.1:8090/walsall")).isNull();
    assertThat(rules.issuerProblem("https://login.evil.org/tenant"))
        .contains("does not allow", "hub.sso.allowed-issuer-hosts");
    assertThat(rules.issuerProblem("http://login.microsoftonline.com/tenant"))
        .contains("must be https");

    assertThat(rules.endpointProblem(URI.create("https://idp.example.gov.uk/jwks"))).isNull();
    assertThat(rules.endpointProblem(URI.create("http://169.254.169.254/latest/meta-data")))
        .isNotNull();
    assertThat(rules.endpointProblem(URI.create("file:///etc/passwd"))).isNotNull();
    assertThat(rules.endpointProblem(URI.create("https://user@idp.example.gov.uk/token")))
        .isNotNull();
    assertThat(rules.endpointProblem(URI.create("/relative"))).isNotNull();

    assertThat(rules.ownAddress(URI.create("https://hub.example.gov.uk/signed-out"))).isTrue();
    assertThat(rules.ownAddress(URI.create("https://hub.example.gov.uk:8443/signed-out")))
        .isFalse();
    assertThat(rules.ownAddress(URI.create("https://evil.org/signed-out"))).isFalse();
    assertThat(rules.ownAddress(URI.create("http://hub.example.gov.uk/signed-out"))).isFalse();
  }
}
