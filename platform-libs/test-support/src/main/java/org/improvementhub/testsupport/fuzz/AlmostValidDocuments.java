package org.improvementhub.testsupport.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Office documents ({@code .docx}; any zip of XML parts) that are a valid one with something wrong:
 * the zip truncated, a byte flipped or bytes inserted; one part left out, emptied, cut in half,
 * replaced by garbage, given an external entity (XXE) or an entity that expands a billionfold, or
 * inflating to tens of megabytes; a part with a name that climbs out of the zip; the document's
 * text given hostile unicode, a 1 MB run or tables nested 400 deep; or sent as another type.
 *
 * <pre>{@code
 * @Provide
 * Arbitrary<BadFile> documents() { return AlmostValidDocuments.from(docx, DOCX); }
 * }</pre>
 */
public final class AlmostValidDocuments {

  /** The main part of a Word document, where the plan's tables are. */
  private static final String DOCUMENT = "word/document.xml";

  private final byte[] valid;
  private final String contentType;
  private final Map<String, byte[]> parts;

  private AlmostValidDocuments(byte[] valid, String contentType) {
    this.valid = valid;
    this.contentType = contentType;
    this.parts = unzip(valid);
  }

  /** Documents almost like {@code valid}, sent as {@code contentType}. */
  public static Arbitrary<BadFile> from(byte[] valid, String contentType) {
    return new AlmostValidDocuments(valid, contentType).documents();
  }

  private Arbitrary<BadFile> documents() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, bytes()), Tuple.of(3, parts()), Tuple.of(3, text()), Tuple.of(1, sentAs()));
  }

  private Arbitrary<BadFile> bytes() {
    Arbitrary<BadFile> truncated =
        Arbitraries.integers()
            .between(0, valid.length - 1)
            .map(at -> file("truncated at " + at, java.util.Arrays.copyOf(valid, at)));
    Arbitrary<BadFile> flipped =
        Combinators.combine(
                Arbitraries.integers().between(0, valid.length - 1),
                Arbitraries.integers().between(1, 255))
            .as(
                (at, mask) -> {
                  byte[] copy = valid.clone();
                  copy[at] = (byte) (copy[at] ^ mask);
                  return file("byte " + at + " flipped by " + mask, copy);
                });
    Arbitrary<BadFile> inserted =
        Combinators.combine(
                Arbitraries.integers().between(0, valid.length),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64))
            .as(
                (at, bytes) -> {
                  ByteArrayOutputStream out = new ByteArrayOutputStream();
                  out.write(valid, 0, at);
                  out.writeBytes(bytes);
                  out.write(valid, at, valid.length - at);
                  return file(bytes.length + " bytes inserted at " + at, out.toByteArray());
                });
    return Arbitraries.oneOf(truncated, flipped, inserted);
  }

  private Arbitrary<BadFile> parts() {
    List<String> names = new ArrayList<>(parts.keySet());
    Arbitrary<BadFile> leftOut =
        Arbitraries.of(names).map(name -> file(name + " left out", zip(without(name))));
    Arbitrary<BadFile> replaced =
        Combinators.combine(Arbitraries.of(names), Arbitraries.of(Replacement.values()))
            .as(
                (name, replacement) ->
                    file(
                        name + " " + replacement.name().toLowerCase().replace('_', ' '),
                        zip(with(name, replacement.apply(parts.get(name))))));
    Arbitrary<BadFile> climbing =
        Arbitraries.of("../../evil.xml", "/etc/passwd", "word/../../x.xml", "word\\..\\x.xml")
            .map(
                name -> {
                  Map<String, byte[]> more = new LinkedHashMap<>(parts);
                  more.put(name, "<x/>".getBytes(StandardCharsets.UTF_8));
                  return file("a part named " + name, zip(more));
                });
    Arbitrary<BadFile> bomb =
        Arbitraries.just(file(DOCUMENT + " inflating to 40 MB", zip(with(DOCUMENT, inflating()))));
    return Arbitraries.frequencyOf(
        Tuple.of(2, leftOut), Tuple.of(4, replaced), Tuple.of(1, climbing), Tuple.of(1, bomb));
  }

  /** The document's own XML changed: its text, or its tables' shape. */
  private Arbitrary<BadFile> text() {
    String xml = new String(parts.get(DOCUMENT), StandardCharsets.UTF_8);
    List<Integer> texts = new ArrayList<>();
    for (int at = xml.indexOf("<w:t"); at >= 0; at = xml.indexOf("<w:t", at + 1)) {
      int close = xml.indexOf('>', at);
      if (close > 0 && (xml.charAt(at + 4) == '>' || xml.charAt(at + 4) == ' ')) {
        texts.add(close + 1);
      }
    }
    if (texts.isEmpty()) {
      return sentAs();
    }
    Arbitrary<String> hostile =
        Arbitraries.of(
            "\u0000",
            "&#0;",
            "\uFFFE",
            "\uD800",
            "\u202Eevil",
            "=cmd|' /C calc'!A0",
            "<",
            "&amp;&lt;&gt;&quot;&apos;",
            "&unknown;",
            "]]>",
            "\u00e9\u0301\u0301\u0301",
            "\uD83D\uDE00",
            "x".repeat(1 << 20),
            "1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1",
            "31/02/2024",
            "+999999999-12-31",
            "RED AMBER GREEN BLUE");
    Arbitrary<BadFile> inText =
        Combinators.combine(Arbitraries.of(texts), hostile)
            .as(
                (at, bad) ->
                    file(
                        "text at " + at + " given " + cut(bad),
                        zip(with(DOCUMENT, utf8(xml.substring(0, at) + bad + xml.substring(at))))));
    int table = xml.indexOf("<w:tc>");
    Arbitrary<BadFile> nested =
        Arbitraries.of(50, 400)
            .map(
                depth ->
                    file(
                        "tables nested " + depth + " deep",
                        zip(
                            with(
                                DOCUMENT,
                                utf8(
                                    table < 0
                                        ? xml
                                        : xml.substring(0, table + 6)
                                            + "<w:tbl><w:tr><w:tc>".repeat(depth)
                                            + "<w:p/>"
                                            + "</w:tc></w:tr></w:tbl>".repeat(depth)
                                            + xml.substring(table + 6))))));
    return Arbitraries.frequencyOf(Tuple.of(4, inText), Tuple.of(1, nested));
  }

  private Arbitrary<BadFile> sentAs() {
    List<BadFile> files = new ArrayList<>();
    for (String type :
        List.of(
            "application/octet-stream",
            "text/plain",
            "application/json",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/pdf",
            "*/*")) {
      files.add(new BadFile("sent as " + type, type, valid));
    }
    files.add(new BadFile("empty", contentType, new byte[0]));
    return Arbitraries.of(files);
  }

  /** What a part may be replaced by. */
  enum Replacement implements UnaryOperator<byte[]> {
    EMPTIED {
      @Override
      public byte[] apply(byte[] part) {
        return new byte[0];
      }
    },
    CUT_IN_HALF {
      @Override
      public byte[] apply(byte[] part) {
        return java.util.Arrays.copyOf(part, part.length / 2);
      }
    },
    GIVEN_GARBAGE {
      @Override
      public byte[] apply(byte[] part) {
        byte[] garbage = new byte[Math.max(16, part.length)];
        new java.util.Random(part.length).nextBytes(garbage);
        return garbage;
      }
    },
    GIVEN_AN_EXTERNAL_ENTITY {
      @Override
      public byte[] apply(byte[] part) {
        return withDoctype(
            part, "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;");
      }
    },
    GIVEN_A_BILLION_LAUGHS {
      @Override
      public byte[] apply(byte[] part) {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE w:document [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
          doctype.append("<!ENTITY l%d \"%s\">".formatted(i, ("&l" + (i - 1) + ";").repeat(10)));
        }
        return withDoctype(part, doctype.append("]>").toString(), "&l9;");
      }
    },
    GIVEN_ANOTHER_ROOT {
      @Override
      public byte[] apply(byte[] part) {
        return utf8("<?xml version=\"1.0\"?><html><body>not a part</body></html>");
      }
    };

    /** The part with {@code doctype} after its XML declaration and {@code use} in its text. */
    private static byte[] withDoctype(byte[] part, String doctype, String use) {
      String xml = new String(part, StandardCharsets.UTF_8);
      int declared = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
      String withEntity = xml.substring(0, declared) + doctype + xml.substring(declared);
      int text = withEntity.indexOf("<w:t>");
      return utf8(
          text < 0
              ? withEntity
              : withEntity.substring(0, text + 5) + use + withEntity.substring(text + 5));
    }
  }

  private BadFile file(String mutation, byte[] bytes) {
    return new BadFile(mutation, contentType, bytes);
  }

  private Map<String, byte[]> without(String name) {
    Map<String, byte[]> fewer = new LinkedHashMap<>(parts);
    fewer.remove(name);
    return fewer;
  }

  private Map<String, byte[]> with(String name, byte[] content) {
    Map<String, byte[]> changed = new LinkedHashMap<>(parts);
    changed.put(name, content);
    return changed;
  }

  /** A document part of 40 MB of spaces inside its text: a few tens of kilobytes zipped. */
  private byte[] inflating() {
    String xml = new String(parts.get(DOCUMENT), StandardCharsets.UTF_8);
    int text = xml.indexOf("<w:t>");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8(xml.substring(0, text < 0 ? 0 : text + 5)));
    byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 40; i++) {
      out.writeBytes(spaces);
    }
    out.writeBytes(utf8(xml.substring(text < 0 ? 0 : text + 5)));
    return out.toByteArray();
  }

  private static Map<String, byte[]> unzip(byte[] zip) {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        parts.put(entry.getName(), in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!parts.containsKey(DOCUMENT)) {
      throw new IllegalArgumentException("not a Word document: no " + DOCUMENT);
    }
    return parts;
  }

  private static byte[] zip(Map<String, byte[]> parts) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> part : parts.entrySet()) {
        zip.putNextEntry(new ZipEntry(part.getKey()));
        zip.write(part.getValue());
        zip.closeEntry();
      }
      zip.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String cut(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
  }
}
