package org.improvementhub.testsupport.fuzz;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Addresses that are a valid one with one thing wrong, for every route of a running service, read
 * from its router as the authorisation matrix reads it (so tomorrow's route is fuzzed tomorrow):
 * one path variable or one of the route's query parameters given a hostile value (huge, unicode,
 * {@code ..}, {@code %00}, malformed percent escapes, negative or overflowing numbers, not a UUID,
 * SQL-ish, another schema's name), an unknown parameter added, a parameter given twice, or the
 * query string garbled. The other variables hold values the test gives (a real council, a real
 * record's id), so the request gets as far as it can.
 *
 * <pre>{@code
 * AlmostValidAddresses.of(service.context())
 *     .with("council", council)
 *     .with("PUT /councils/{council}/actions/{id}", "id", actionId)
 *     .withBody("PUT /councils/{council}/actions/{id}", validJson)
 *     .addresses();
 * }</pre>
 */
public final class AlmostValidAddresses {

  /** Served by Micronaut, not by a controller of ours (as the authorisation matrix skips them). */
  private static final List<String> PLATFORM_PATHS =
      List.of("/health", "/prometheus", "/swagger", "/openapi", "/webjars", "/static", "/assets");

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}?]+)}");
  private static final Pattern QUERY = Pattern.compile("\\{[?&]([^}]*)}");

  /** Hostile values for one path segment or query value, written as sent (already escaped). */
  static final List<String> HOSTILE =
      List.of(
          "",
          "%20",
          "+",
          "..",
          "%2e%2e",
          "..%2f..%2f..%2fetc%2fpasswd",
          "a%2Fb",
          "%5C..%5C",
          "%00",
          "a%00b",
          "-1",
          "0",
          "2147483648",
          "-9223372036854775809",
          "99999999999999999999999999",
          "1e400",
          "NaN",
          "0x1F",
          "not-a-uuid",
          "00000000-0000-0000-0000-000000000000",
          "ffffffff-ffff-ffff-ffff-ffffffffffffff",
          "%27%20OR%20%271%27=%271",
          "1;DROP%20TABLE%20programme;--",
          "%27",
          "%22",
          "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
          "%C3%A9",
          "%F0%9F%98%80",
          "%E2%80%AE",
          "%ED%A0%80",
          "%FF%FE",
          "%C0%AF",
          "%",
          "%zz",
          "%2",
          "a".repeat(3_000),
          "9".repeat(400),
          "%7Bcouncil%7D",
          "*",
          "null",
          "true",
          "2024-13",
          "2024-02-30",
          "+999999999-12",
          "-2024",
          "PUBLIC",
          "public",
          "pg_catalog",
          "information_schema",
          "council_x%22;--");

  private final List<RouteShape> routes;
  private final Map<String, String> values;
  private final Map<String, String> bodies;
  private final Map<String, String> formFields;

  private AlmostValidAddresses(
      List<RouteShape> routes,
      Map<String, String> values,
      Map<String, String> bodies,
      Map<String, String> formFields) {
    this.routes = routes;
    this.values = values;
    this.bodies = bodies;
    this.formFields = formFields;
  }

  /** The routes of the service running in {@code context}, with placeholder variables. */
  public static AlmostValidAddresses of(ApplicationContext context) {
    List<RouteShape> routes =
        context
            .getBean(Router.class)
            .uriRoutes()
            .filter(route -> route.getHttpMethod() != HttpMethod.HEAD)
            .filter(route -> route.getHttpMethod() != HttpMethod.OPTIONS)
            .map(RouteShape::of)
            .filter(route -> PLATFORM_PATHS.stream().noneMatch(route.template()::startsWith))
            .distinct()
            .sorted(Comparator.comparing(RouteShape::toString))
            .toList();
    return new AlmostValidAddresses(routes, Map.of(), Map.of(), Map.of());
  }

  /** {@code value} for the path variable {@code variable} of every route. */
  public AlmostValidAddresses with(String variable, String value) {
    Map<String, String> more = new HashMap<>(values);
    more.put(variable, value);
    return new AlmostValidAddresses(routes, more, bodies, formFields);
  }

  /**
   * {@code value} for {@code variable} of the routes whose template starts with {@code template}
   * (no method): the longest such template wins.
   */
  public AlmostValidAddresses with(String template, String variable, String value) {
    return with(template + " " + variable, value);
  }

  /** The JSON body sent to {@code route} ({@code METHOD template}); "{}" otherwise. */
  public AlmostValidAddresses withBody(String route, String json) {
    Map<String, String> more = new HashMap<>(bodies);
    more.put(route, json);
    return new AlmostValidAddresses(routes, values, more, formFields);
  }

  /**
   * A field every form (URL-encoded or multipart) is sent with, e.g. a web page's form token, so a
   * form's bad address gets past the token check to the route's own work.
   */
  public AlmostValidAddresses withFormField(String name, String value) {
    Map<String, String> more = new java.util.LinkedHashMap<>(formFields);
    more.put(name, value);
    return new AlmostValidAddresses(routes, values, bodies, more);
  }

  /**
   * Every write route that takes {@code mediaType} (e.g. {@code
   * application/x-www-form-urlencoded}), at its valid address, sent one of {@code badBodies}
   * instead of its body.
   */
  public Arbitrary<BadAddress> withBadBodies(String mediaType, Arbitrary<BadBody> badBodies) {
    MediaType type = MediaType.of(mediaType);
    List<RouteShape> taking =
        routes.stream().filter(RouteShape::write).filter(r -> r.body().matches(type)).toList();
    if (taking.isEmpty()) {
      throw new IllegalStateException("no write route takes " + mediaType);
    }
    return Arbitraries.of(taking)
        .flatMap(
            route ->
                badBodies.map(
                    bad -> address(route, Map.of(), "", "valid address", null).withBody(bad)));
  }

  public List<String> routes() {
    return routes.stream().map(RouteShape::toString).toList();
  }

  /** Every route's address with one part wrong, the routes taken alike often. */
  public Arbitrary<BadAddress> addresses() {
    if (routes.isEmpty()) {
      throw new IllegalStateException("no routes found");
    }
    return Arbitraries.of(routes).flatMap(this::addressesOf);
  }

  private Arbitrary<BadAddress> addressesOf(RouteShape route) {
    List<Tuple.Tuple2<Integer, Arbitrary<BadAddress>>> choices = new ArrayList<>();
    for (String variable : route.variables()) {
      choices.add(
          Tuple.of(
              3,
              hostile()
                  .map(
                      bad ->
                          address(
                              route,
                              Map.of(variable, bad),
                              "",
                              variable + "=" + cut(bad),
                              variable))));
    }
    for (String parameter : route.parameters()) {
      choices.add(
          Tuple.of(
              3,
              hostile()
                  .map(
                      bad ->
                          address(
                              route,
                              Map.of(),
                              "?" + parameter + "=" + bad,
                              "?" + parameter + "=" + cut(bad),
                              parameter))));
      choices.add(
          Tuple.of(
              1,
              Arbitraries.of("1", "xyz", "")
                  .map(
                      other ->
                          address(
                              route,
                              Map.of(),
                              "?" + parameter + "=2&" + parameter + "=" + other,
                              parameter + " twice",
                              parameter))));
    }
    choices.add(
        Tuple.of(
            1,
            hostile()
                .map(
                    bad ->
                        address(
                            route,
                            Map.of(),
                            "?unknownParameter=" + bad,
                            "unknown parameter=" + cut(bad),
                            null))));
    choices.add(
        Tuple.of(
            1,
            Arbitraries.of(
                    "?",
                    "?&&&",
                    "?=",
                    "?=%zz",
                    "?%",
                    "?a=%zz",
                    "?page=1&page",
                    "?size=%00",
                    "?" + "x=1&".repeat(2_000),
                    "?" + "y".repeat(6_000),
                    "#fragment",
                    "?a=%ED%A0%80")
                .map(query -> address(route, Map.of(), query, "query " + cut(query), null))));
    return Arbitraries.frequencyOf(choices.toArray(Tuple.Tuple2[]::new));
  }

  private static Arbitrary<String> hostile() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.of(HOSTILE)),
        Tuple.of(
            2,
            Arbitraries.strings()
                .all()
                .ofMaxLength(30)
                .map(text -> java.net.URLEncoder.encode(text, StandardCharsets.UTF_8))));
  }

  private BadAddress address(
      RouteShape route, Map<String, String> changed, String query, String mutation, String field) {
    Matcher variables = VARIABLE.matcher(route.template());
    StringBuilder path = new StringBuilder();
    while (variables.find()) {
      String name = name(variables.group(1));
      String value = changed.containsKey(name) ? changed.get(name) : valid(route, name);
      variables.appendReplacement(path, Matcher.quoteReplacement(value));
    }
    variables.appendTail(path);
    byte[] body = null;
    String type = route.body().toString();
    if (route.write()) {
      String json = bodies.get(route.toString());
      if (route.body().matches(MediaType.MULTIPART_FORM_DATA_TYPE)) {
        type = type + "; boundary=fuzz-boundary";
        StringBuilder parts = new StringBuilder();
        formFields.forEach(
            (name, value) ->
                parts
                    .append("--fuzz-boundary\r\nContent-Disposition: form-data; name=\"")
                    .append(name)
                    .append("\"\r\n\r\n")
                    .append(value)
                    .append("\r\n"));
        body = (parts + "--fuzz-boundary--\r\n").getBytes(StandardCharsets.UTF_8);
      } else if (route.body().matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
        body = AlmostValidForms.encoded(formFields).getBytes(StandardCharsets.UTF_8);
      } else if (route.body().matches(MediaType.APPLICATION_JSON_TYPE)) {
        body = (json == null ? "{}" : json).getBytes(StandardCharsets.UTF_8);
      } else {
        body = new byte[0];
      }
    }
    return new BadAddress(
        route.toString(),
        route.method().name(),
        path + query,
        mutation,
        field,
        type,
        body,
        route.answer().toString());
  }

  private String valid(RouteShape route, String name) {
    // the longest template given that this route's template starts with: the id of an action
    // for /actions/{id} and /actions/{id}/placement alike
    String value = null;
    int longest = -1;
    for (Map.Entry<String, String> given : values.entrySet()) {
      int space = given.getKey().lastIndexOf(' ');
      if (space > 0
          && given.getKey().substring(space + 1).equals(name)
          && route.template().startsWith(given.getKey().substring(0, space))
          && space > longest) {
        value = given.getValue();
        longest = space;
      }
    }
    if (value == null) {
      value = values.get(name);
    }
    if (value != null) {
      return value;
    }
    String lower = name.toLowerCase();
    if (lower.endsWith("id") || lower.equals("programme") || lower.equals("measure")) {
      return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
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
    return "fuzz";
  }

  private static String name(String variable) {
    return variable.replaceAll("[:*+].*$", "");
  }

  private static String cut(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
  }

  /** A route, its path variables, and the query parameters its method reads. */
  record RouteShape(
      HttpMethod method,
      String template,
      List<String> variables,
      List<String> parameters,
      MediaType body,
      MediaType answer) {

    static RouteShape of(UriRouteInfo<?, ?> route) {
      String full = route.getUriMatchTemplate().toString();
      Set<String> parameters = new LinkedHashSet<>();
      Matcher query = QUERY.matcher(full);
      while (query.find()) {
        for (String name : query.group(1).split(",")) {
          parameters.add(name(name.trim()));
        }
      }
      for (Argument<?> argument : route.getTargetMethod().getArguments()) {
        if (argument.getAnnotationMetadata().hasAnnotation(QueryValue.class)) {
          parameters.add(
              argument
                  .getAnnotationMetadata()
                  .stringValue(QueryValue.class)
                  .filter(name -> !name.isBlank())
                  .orElse(argument.getName()));
        }
      }
      String template = QUERY.matcher(full).replaceAll("");
      Set<String> variables = new LinkedHashSet<>();
      Matcher variable = VARIABLE.matcher(template);
      while (variable.find()) {
        variables.add(name(variable.group(1)));
      }
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
      return new RouteShape(
          route.getHttpMethod(),
          template,
          List.copyOf(variables),
          List.copyOf(parameters),
          body,
          answer);
    }

    boolean write() {
      return method != HttpMethod.GET && method != HttpMethod.DELETE;
    }

    @Override
    public String toString() {
      return method + " " + template;
    }
  }
}
