package org.improvementhub.testsupport.matrix;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.UriRouteInfo;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One route of the service under test and the roles its {@code @Secured} names (empty when the
 * route has none).
 *
 * @param template the path template, e.g. {@code /councils/{council}/actions/{id}}
 */
public record Route(
    HttpMethod method, String template, Set<String> secured, MediaType body, MediaType answer) {

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}?]+)}");
  private static final Pattern QUERY = Pattern.compile("\\{[?&][^}]*}");

  static Route of(UriRouteInfo<?, ?> route) {
    String template = QUERY.matcher(route.getUriMatchTemplate().toString()).replaceAll("");
    // read as Micronaut's SecuredAnnotationRule reads it: the method's @Secured over its class's
    List<String> roles =
        List.of(
            route
                .getAnnotationMetadata()
                .getValue(Secured.class, String[].class)
                .orElse(new String[0]));
    // the body a write sends is of a type the route takes: otherwise the router answers 415
    // before security decides anything
    MediaType body =
        route.getConsumes().stream()
            .filter(type -> !type.equals(MediaType.ALL_TYPE))
            .findFirst()
            .orElse(MediaType.APPLICATION_JSON_TYPE);
    // and asks for what it produces: otherwise the router answers 406
    MediaType answer =
        route.getProduces().stream()
            .filter(type -> !type.equals(MediaType.ALL_TYPE))
            .findFirst()
            .orElse(MediaType.APPLICATION_JSON_TYPE);
    return new Route(route.getHttpMethod(), template, Set.copyOf(roles), body, answer);
  }

  /** Whether the route names a council in its path. */
  boolean councilScoped() {
    return template.contains("{council}");
  }

  /** Under {@code /councils/{council}}, where the tenancy filter answers for the council. */
  boolean underCouncilPath() {
    return template.startsWith("/councils/{council}");
  }

  boolean anonymous() {
    return secured.contains(SecurityRule.IS_ANONYMOUS);
  }

  boolean anyoneSignedIn() {
    return secured.contains(SecurityRule.IS_AUTHENTICATED);
  }

  /** Open to anyone signed in and about no council: the caller's own account. */
  boolean ownAccount() {
    return anyoneSignedIn() && !councilScoped();
  }

  boolean allows(String role) {
    return anonymous() || anyoneSignedIn() || secured.contains(role);
  }

  boolean write() {
    return !(method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS);
  }

  /** The path with {@code council} for the council and a plausible value for every other part. */
  String path(String council) {
    Matcher variables = VARIABLE.matcher(template);
    StringBuilder path = new StringBuilder();
    while (variables.find()) {
      variables.appendReplacement(
          path, Matcher.quoteReplacement(valueOf(variables.group(1), council)));
    }
    variables.appendTail(path);
    return path.toString();
  }

  private static String valueOf(String variable, String council) {
    String name = variable.replaceAll("[:*+].*$", "");
    if (name.equals("council")) {
      return council;
    }
    String lower = name.toLowerCase();
    if (lower.endsWith("id")) {
      return UUID.randomUUID().toString();
    }
    if (lower.contains("period")) {
      return "2030-01";
    }
    if (lower.contains("year")) {
      return "2030";
    }
    if (lower.contains("email")) {
      return "nobody@example.org";
    }
    if (lower.contains("ref")) {
      return "9.9.9";
    }
    return "matrix";
  }

  @Override
  public String toString() {
    return method + " " + template;
  }
}
