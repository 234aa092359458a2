package org.improvementhub.testsupport.fuzz;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Form bodies that are a valid form with one thing wrong, as a browser or a script might send them.
 *
 * <ul>
 *   <li>{@link #urlEncoded}: one field given a hostile value (huge, NUL, half a character,
 *       malformed escapes, a line break), given twice or left out; an unknown or hostile field
 *       name; or the body as a whole garbled (empty, {@code &&&}, 2,000 fields, 1 MB, not UTF-8,
 *       sent as JSON or with another charset).
 *   <li>{@link #multipart}: the envelope of a file upload broken (no boundary, another boundary, a
 *       boundary given twice, no closing delimiter, cut short, the part misnamed or given twice, no
 *       file name or a hostile one, the wrong or no part type, an empty or oversized part, bare
 *       line feeds, junk headers, multipart/mixed), or a valid envelope carrying one of the {@link
 *       AlmostValidFiles} inside.
 * </ul>
 *
 * The field at fault is the {@link BadBody#field()}: the form field, or the file part's name for a
 * broken envelope.
 */
public final class AlmostValidForms {

  public static final String URL_ENCODED = "application/x-www-form-urlencoded";
  public static final String MULTIPART = "multipart/form-data";

  /** Hostile values for one form field, written as sent (already escaped). */
  private static final List<String> HOSTILE =
      List.of(
          "",
          "%00",
          "a%00b",
          "%ED%A0%80",
          "%FF%FE",
          "%C0%AF",
          "%",
          "%zz",
          "%2",
          "+",
          "%0D%0ASet-Cookie:%20x=1",
          "%E2%80%AE%D9%85%D8%B1%D8%AD%D8%A8%D8%A7",
          "%F0%9F%98%80",
          "%27%20OR%20%271%27=%271",
          "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
          "%7B%7Bcouncil%7D%7D",
          "[[${T(java.lang.Runtime)}]]",
          "-1",
          "2147483648",
          "99999999999999999999999999",
          "1e400",
          "NaN",
          "2030-02-30",
          "31%2F13%2F2030",
          "2024-13",
          "null",
          "a".repeat(10_000),
          "x".repeat(300_000));

  private AlmostValidForms() {}

  /** {@code fields} as a URL-encoded form body. */
  public static String encoded(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  /** URL-encoded bodies almost like {@code valid} (which may be empty: a form of buttons). */
  public static Arbitrary<BadBody> urlEncoded(Map<String, String> valid) {
    List<String> names = new ArrayList<>(valid.keySet());
    List<Tuple.Tuple2<Integer, Arbitrary<BadBody>>> choices = new ArrayList<>();
    if (!names.isEmpty()) {
      choices.add(
          Tuple.of(
              5,
              Arbitraries.of(names)
                  .flatMap(
                      name ->
                          hostile()
                              .map(
                                  bad ->
                                      form(
                                          name + "=" + cut(bad),
                                          replaced(valid, name, bad),
                                          name)))));
      choices.add(
          Tuple.of(
              1,
              Arbitraries.of(names)
                  .map(
                      name ->
                          form(
                              name + " twice", raw(valid) + "&" + encode(name) + "=other", name))));
      choices.add(
          Tuple.of(
              1,
              Arbitraries.of(names)
                  .map(
                      name -> {
                        Map<String, String> without = new LinkedHashMap<>(valid);
                        without.remove(name);
                        return form("without " + name, raw(without), name);
                      })));
    }
    choices.add(
        Tuple.of(
            2,
            Arbitraries.of(
                    "title",
                    "ref",
                    "dueDate",
                    "email",
                    "password",
                    "newPassword",
                    "roles",
                    "value",
                    "period",
                    "status",
                    "level",
                    "%00",
                    "a%5Bb%5D",
                    "__proto__",
                    "%ED%A0%80",
                    "x".repeat(5_000))
                .flatMap(
                    name ->
                        hostile()
                            .map(
                                bad ->
                                    form(
                                        "extra " + cut(name) + "=" + cut(bad),
                                        join(raw(valid), name + "=" + bad),
                                        null)))));
    choices.add(
        Tuple.of(
            2,
            Arbitraries.of(
                    "",
                    "&&&",
                    "=",
                    "==&==",
                    "%",
                    "%zz=%zz",
                    "&" + "x=1&".repeat(2_000),
                    "y".repeat(1_000_000),
                    "a=" + "%".repeat(5_000),
                    "\u0000=\u0000")
                .map(whole -> form("whole body " + cut(whole), join(raw(valid), whole), null))));
    choices.add(
        Tuple.of(
            1,
            Arbitraries.of(
                    "application/json",
                    "text/plain",
                    URL_ENCODED + "; charset=utf-16",
                    URL_ENCODED + "; charset=nonsense",
                    "multipart/form-data",
                    "",
                    "application/x-www-form-urlencoded;;;")
                .map(
                    type ->
                        new BadBody(
                            "sent as " + (type.isEmpty() ? "no type" : type),
                            type,
                            raw(valid).getBytes(StandardCharsets.UTF_8),
                            null))));
    choices.add(
        Tuple.of(
            1,
            Arbitraries.just(
                new BadBody(
                    "not UTF-8",
                    URL_ENCODED,
                    join(raw(valid), "name=\u00ff\u00fe\u00c3")
                        .getBytes(StandardCharsets.ISO_8859_1),
                    null))));
    return Arbitraries.frequencyOf(choices.toArray(Tuple.Tuple2[]::new));
  }

  /**
   * Uploads of {@code file} as the {@code part} part of a multipart form beside {@code fields}
   * (named {@code fileName}), with the envelope broken, or whole around one of {@code badFiles}.
   */
  public static Arbitrary<BadBody> multipart(
      Map<String, String> fields,
      String part,
      String fileName,
      BadFile file,
      Arbitrary<BadFile> badFiles) {
    Upload valid = new Upload(fields, part, fileName, file.contentType(), file.bytes());
    List<Arbitrary<BadBody>> envelopes =
        List.of(
            Arbitraries.of(
                    "multipart/form-data",
                    "multipart/form-data; boundary=",
                    "multipart/form-data; boundary=another",
                    "multipart/form-data; boundary=fuzz-envelope; boundary=another",
                    "multipart/form-data; boundary=\"fuzz-envelope",
                    "multipart/form-data; boundary=" + "b".repeat(5_000),
                    "multipart/mixed; boundary=fuzz-envelope",
                    "text/csv",
                    "application/octet-stream",
                    "")
                .map(
                    type ->
                        new BadBody(
                            "envelope sent as " + cut(type.isEmpty() ? "no type" : type),
                            type,
                            valid.bytes(),
                            part)),
            Arbitraries.of(
                    "closing delimiter left out",
                    "cut after the part headers",
                    "cut in the file",
                    "cut after the boundary",
                    "empty body",
                    "bare line feeds",
                    "no blank line after the part headers")
                .map(how -> envelope(how, valid.broken(how), part)),
            Arbitraries.of("upload", "", "FILE", part + "\u0000", "x".repeat(3_000))
                .map(name -> envelope("part named " + cut(name), valid.named(name).bytes(), part)),
            Arbitraries.of(
                    "",
                    "../../etc/passwd",
                    "plan.exe",
                    "a\u0000b.csv",
                    "\u202eplan.csv",
                    "x".repeat(3_000) + ".csv",
                    "no-extension")
                .map(
                    name ->
                        envelope(
                            "file named " + cut(name), valid.withFileName(name).bytes(), part)),
            Arbitraries.of(
                    "image/png",
                    "application/json",
                    "text/csv; charset=utf-16",
                    "nonsense",
                    "",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .map(
                    type ->
                        envelope(
                            "part typed " + (type.isEmpty() ? "nothing" : type),
                            valid.withPartType(type).bytes(),
                            part)),
            Arbitraries.of(0, 1, 11 * 1024 * 1024)
                .map(
                    size ->
                        envelope(
                            "a part of " + size + " bytes",
                            valid.withFile(new byte[size]).bytes(),
                            part)),
            Arbitraries.of(
                    "the part twice",
                    "no file name attribute",
                    "no Content-Disposition",
                    "a junk header line",
                    "a 20,000-character header",
                    "preamble and epilogue",
                    "another part before it",
                    "the form fields left out")
                .map(how -> envelope(how, valid.altered(how), part)));
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.oneOf(envelopes)),
        Tuple.of(
            2,
            badFiles.map(
                bad ->
                    new BadBody(
                        "a valid envelope around " + bad,
                        valid.contentType(),
                        valid.withFile(bad.contentType(), bad.bytes()).bytes(),
                        null))));
  }

  private static BadBody envelope(String how, byte[] bytes, String part) {
    return new BadBody(how, Upload.TYPE, bytes, part);
  }

  private static BadBody form(String mutation, String body, String field) {
    return new BadBody(mutation, URL_ENCODED, body.getBytes(StandardCharsets.UTF_8), field);
  }

  /** The form with {@code name} holding {@code bad}, written as sent (already escaped). */
  private static String replaced(Map<String, String> valid, String name, String bad) {
    return valid.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + (e.getKey().equals(name) ? bad : encode(e.getValue())))
        .collect(Collectors.joining("&"));
  }

  private static String raw(Map<String, String> fields) {
    return encoded(fields);
  }

  private static String join(String form, String more) {
    return form.isEmpty() ? more : form + "&" + more;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static Arbitrary<String> hostile() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.of(HOSTILE)),
        Tuple.of(2, Arbitraries.strings().all().ofMaxLength(30).map(AlmostValidForms::encode)));
  }

  private static String cut(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
  }

  /** A multipart upload as a browser writes it, and the ways it can be broken. */
  private record Upload(
      Map<String, String> fields, String part, String fileName, String fileType, byte[] file) {

    static final String BOUNDARY = "fuzz-envelope";
    static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    String contentType() {
      return TYPE;
    }

    byte[] bytes() {
      return write(fieldParts(), disposition(part, fileName), "Content-Type: " + fileType, file);
    }

    Upload named(String name) {
      return new Upload(fields, name, fileName, fileType, file);
    }

    Upload withFileName(String name) {
      return new Upload(fields, part, name, fileType, file);
    }

    Upload withPartType(String type) {
      return new Upload(fields, part, fileName, type, file);
    }

    Upload withFile(byte[] bytes) {
      return new Upload(fields, part, fileName, fileType, bytes);
    }

    Upload withFile(String type, byte[] bytes) {
      return new Upload(fields, part, fileName, type, bytes);
    }

    byte[] broken(String how) {
      byte[] whole = bytes();
      String text = new String(whole, StandardCharsets.ISO_8859_1);
      String closing = "\r\n--" + BOUNDARY + "--\r\n";
      int fileStart = text.indexOf("\r\n\r\n", text.lastIndexOf("filename=")) + 4;
      String cut =
          switch (how) {
            case "closing delimiter left out" ->
                text.substring(0, text.length() - closing.length());
            case "cut after the part headers" -> text.substring(0, fileStart);
            case "cut in the file" -> text.substring(0, fileStart + (whole.length - fileStart) / 3);
            case "cut after the boundary" -> "--" + BOUNDARY;
            case "empty body" -> "";
            case "bare line feeds" -> text.replace("\r\n", "\n");
            case "no blank line after the part headers" ->
                text.substring(0, fileStart - 2) + text.substring(fileStart);
            default -> throw new IllegalArgumentException(how);
          };
      return cut.getBytes(StandardCharsets.ISO_8859_1);
    }

    byte[] altered(String how) {
      String typeLine = "Content-Type: " + fileType;
      return switch (how) {
        case "the part twice" -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          byte[] once = bytes();
          String text = new String(once, StandardCharsets.ISO_8859_1);
          // the file part written again before the closing delimiter
          int closing = text.lastIndexOf("--" + BOUNDARY + "--");
          int fileStart = text.lastIndexOf("--" + BOUNDARY + "\r\nContent-Disposition");
          out.write(once, 0, closing);
          out.write(once, fileStart, closing - fileStart);
          out.write(once, closing, once.length - closing);
          yield out.toByteArray();
        }
        case "no file name attribute" ->
            write(
                fieldParts(),
                "Content-Disposition: form-data; name=\"" + part + "\"",
                typeLine,
                file);
        case "no Content-Disposition" -> write(fieldParts(), "X-Nothing: here", typeLine, file);
        case "a junk header line" ->
            write(fieldParts(), disposition(part, fileName), typeLine + "\r\n:::\u0000", file);
        case "a 20,000-character header" ->
            write(
                fieldParts(),
                disposition(part, fileName),
                typeLine + "\r\nX-Long: " + "h".repeat(20_000),
                file);
        case "preamble and epilogue" -> {
          String text =
              "junk before the first boundary\r\n"
                  + new String(bytes(), StandardCharsets.ISO_8859_1)
                  + "junk after";
          yield text.getBytes(StandardCharsets.ISO_8859_1);
        }
        case "another part before it" ->
            write(
                fieldParts()
                    + "--"
                    + BOUNDARY
                    + "\r\n"
                    + disposition("other", "other.bin")
                    + "\r\n\r\nother\r\n",
                disposition(part, fileName),
                typeLine,
                file);
        case "the form fields left out" -> write("", disposition(part, fileName), typeLine, file);
        default -> throw new IllegalArgumentException(how);
      };
    }

    private String fieldParts() {
      StringBuilder parts = new StringBuilder();
      fields.forEach(
          (name, value) ->
              parts
                  .append("--")
                  .append(BOUNDARY)
                  .append("\r\n")
                  .append("Content-Disposition: form-data; name=\"")
                  .append(name)
                  .append("\"\r\n\r\n")
                  .append(value)
                  .append("\r\n"));
      return parts.toString();
    }

    private static String disposition(String part, String fileName) {
      return "Content-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName + "\"";
    }

    private static byte[] write(String before, String disposition, String typeLine, byte[] file) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      String head =
          before
              + "--"
              + BOUNDARY
              + "\r\n"
              + disposition
              + "\r\n"
              + (typeLine.equals("Content-Type: ") ? "" : typeLine + "\r\n")
              + "\r\n";
      out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
      out.writeBytes(file);
      out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return out.toByteArray();
    }
  }
}
