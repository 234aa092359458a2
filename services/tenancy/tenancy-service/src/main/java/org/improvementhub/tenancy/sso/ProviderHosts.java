package org.improvementhub.tenancy.sso;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hosts a council's provider may live on: the platform's {@code hub.sso.allowed-issuer-hosts},
 * exact hosts ({@code login.microsoftonline.com}) or every host under a domain ({@code
 * *.example.gov.uk}, not the domain itself). Tenancy calls a council's provider from inside the
 * platform's network, and a council admin chooses the issuer: without this list an admin could make
 * tenancy fetch any address it can reach (server-side request forgery). Empty means no provider at
 * all, so a deployment offers no single sign-on until its operators name the providers.
 */
@Singleton
class ProviderHosts {

  private static final Pattern HOST =
      Pattern.compile(
          "^(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$");

  private final List<String> exact;
  private final List<String> suffixes;

  ProviderHosts(@Value("${hub.sso.allowed-issuer-hosts:}") List<String> allowed) {
    List<String> entries =
        allowed.stream()
            .map(entry -> entry.strip().toLowerCase(Locale.ROOT))
            .filter(entry -> !entry.isEmpty())
            .toList();
    for (String entry : entries) {
      // a bare "*" or "*.uk" would let any provider in: refuse to start rather than allow it
      boolean wide = entry.startsWith("*.") && !entry.substring(2).contains(".");
      if (!HOST.matcher(entry).matches() || wide) {
        throw new IllegalArgumentException(
            "hub.sso.allowed-issuer-hosts: '"
                + entry
                + "' is not a host name or '*.' and a domain of at least two labels");
      }
    }
    this.exact = entries.stream().filter(entry -> !entry.startsWith("*.")).toList();
    this.suffixes =
        entries.stream().filter(entry -> entry.startsWith("*.")).map(e -> e.substring(1)).toList();
  }

  /** Whether a provider may be called at {@code host} (a URI's host, as {@code URI.getHost}). */
  boolean allows(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String name = host.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (exact.contains(name)) {
      return true;
    }
    for (String suffix : suffixes) {
      if (name.endsWith(suffix) && name.length() > suffix.length()) {
        return true;
      }
    }
    return false;
  }

  boolean none() {
    return exact.isEmpty() && suffixes.isEmpty();
  }
}
