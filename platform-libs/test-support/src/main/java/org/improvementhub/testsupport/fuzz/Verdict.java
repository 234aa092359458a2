package org.improvementhub.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.improvementhub.testsupport.http.ApiResponse;

/**
 * What is wrong with a service's answer to bad input, if anything. A success is fine (the bad part
 * may be optional); a 4xx must be problem+json with its status, a stable type, no stack trace, and,
 * for a 400 to a body with one field at fault, that field (or the object holding it, or a field
 * inside it) named in {@code errors}. A 5xx is always wrong.
 */
public record Verdict(Kind kind, String detail) {

  /** How an answer fails, in the order the bench counts them. */
  public enum Kind {
    FINE,
    SERVER_ERROR,
    NOT_PROBLEM,
    FIELD_NOT_NAMED
  }

  public boolean fine() {
    return kind == Kind.FINE;
  }

  /** The verdict on {@code response} to {@code sent}. */
  public static Verdict of(ApiResponse response, BadBody sent) {
    return of(response, sent.field());
  }

  /** The verdict on {@code response} to a request whose fault is in {@code field} (or null). */
  public static Verdict of(ApiResponse response, String field) {
    int status = response.status();
    String seen = status + " " + cut(response.body());
    if (status >= 500) {
      return new Verdict(Kind.SERVER_ERROR, seen);
    }
    if (status < 400) {
      return status >= 200 && status < 300
          ? new Verdict(Kind.FINE, seen)
          : new Verdict(Kind.NOT_PROBLEM, "neither a success nor an error: " + seen);
    }
    JsonNode problem;
    try {
      problem = response.json();
    } catch (RuntimeException e) {
      return new Verdict(Kind.NOT_PROBLEM, "not JSON: " + response.contentType() + " " + seen);
    }
    if (!response.isProblem()
        || problem.path("status").asInt() != status
        || !problem.path("type").asText().startsWith("https://")
        || response.body().contains("Exception")
        || response.body().contains("\tat ")) {
      return new Verdict(Kind.NOT_PROBLEM, response.contentType() + " " + seen);
    }
    if (status == 400 && field != null && !names(problem, field) && !namesAny(problem)) {
      return new Verdict(Kind.FIELD_NOT_NAMED, "expected " + field + " named: " + seen);
    }
    return new Verdict(Kind.FINE, seen);
  }

  /**
   * The verdict on an import's answer: as {@link #of(ApiResponse, String)}, and a 400 names at
   * least one field (the file, or a cell as {@code rows[5].due_date}).
   */
  public static Verdict ofImport(ApiResponse response) {
    Verdict verdict = of(response, (String) null);
    if (verdict.fine() && response.status() == 400) {
      boolean named = false;
      for (JsonNode error : response.json().path("errors")) {
        named |= !error.path("field").asText().isBlank();
      }
      if (!named) {
        return new Verdict(Kind.FIELD_NOT_NAMED, "no field named: " + cut(response.body()));
      }
    }
    return verdict;
  }

  /**
   * The verdict on the answer to a request whose address was bad ({@link BadAddress}): a success or
   * redirect is fine; a 4xx must be problem+json as {@link #of(ApiResponse, String)} wants; a 400
   * need not name a field.
   */
  public static Verdict ofAddress(ApiResponse response) {
    if (response.status() >= 300 && response.status() < 400) {
      return new Verdict(Kind.FINE, response.status() + " " + response.location());
    }
    // a 400 need not name a field: an address that cannot even be decoded (/councils/%/...) is
    // refused before any route, so no field of it is known
    return of(response, (String) null);
  }

  /**
   * The verdict on a web page's answer to a bad address: never a 5xx and never a stack trace or
   * class name; an HTML error page is fine (the portal answers people, not programs).
   */
  public static Verdict ofPage(ApiResponse response) {
    int status = response.status();
    String seen = status + " " + cut(response.body());
    if (status >= 500) {
      return new Verdict(Kind.SERVER_ERROR, seen);
    }
    if (response.body().contains("Exception") || response.body().contains("\tat ")) {
      return new Verdict(Kind.NOT_PROBLEM, "a class name or stack trace shown: " + seen);
    }
    return new Verdict(Kind.FINE, seen);
  }

  /**
   * Whether the problem names any field at all: a rule between two fields names the other one
   * ({@code dueDate: must not be before the start date} when the start date was changed), and a
   * rule on the record's state names the field it is about.
   */
  private static boolean namesAny(JsonNode problem) {
    for (JsonNode error : problem.path("errors")) {
      if (!error.path("field").asText().isBlank()) {
        return true;
      }
    }
    return false;
  }

  /** Whether the problem's errors name {@code field}, the object or list holding it, or within. */
  private static boolean names(JsonNode problem, String field) {
    List<String> named = new ArrayList<>();
    problem.path("errors").forEach(error -> named.add(error.path("field").asText()));
    String plain = field.replaceAll("\\[\\d+]", "");
    for (String name : named) {
      String plainName = name.replaceAll("\\[\\d+]", "");
      if (related(name, field) || related(plainName, plain)) {
        return true;
      }
    }
    return false;
  }

  private static boolean related(String a, String b) {
    return a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".") || b.startsWith(a + "[");
  }

  private static String cut(String text) {
    return text.length() > 400 ? text.substring(0, 400) + "…" : text;
  }
}
