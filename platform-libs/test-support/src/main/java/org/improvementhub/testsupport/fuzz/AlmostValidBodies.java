package org.improvementhub.testsupport.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Request bodies that are a valid body with one thing wrong. Each field in turn (nested ones and
 * list elements too) is given a value of the wrong type, null, a huge or negative number, hostile
 * unicode, a date out of range, an unknown enum, deep nesting, or is left out; or the body as a
 * whole is truncated, given a duplicate or unknown key, nested too deep, sent as another content
 * type or with bytes that are not UTF-8.
 *
 * <pre>{@code
 * @Property
 * void neverA500(@ForAll("bodies") BadBody body) { ... }
 *
 * @Provide
 * Arbitrary<BadBody> bodies() { return AlmostValidBodies.from(validJson); }
 * }</pre>
 */
public final class AlmostValidBodies {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Stands where the bad value goes while the rest of the body is written by Jackson. */
  private static final String MARK = "\u0001bad-value\u0001";

  /** The valid body: a JSON object, or a list (a year's bank holidays). */
  private final JsonNode valid;

  private final List<FieldAt> fields = new ArrayList<>();

  private AlmostValidBodies(JsonNode valid) {
    this.valid = valid;
    collect(valid, "");
  }

  /** Bodies almost like {@code validJson}, a JSON object (or list) the route accepts. */
  public static Arbitrary<BadBody> from(String validJson) {
    JsonNode valid;
    try {
      valid = JSON.readTree(validJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not JSON: " + validJson, e);
    }
    if (!(valid instanceof ObjectNode) && !(valid instanceof ArrayNode)) {
      throw new IllegalArgumentException("Not a JSON object or list: " + validJson);
    }
    return new AlmostValidBodies(valid).bodies();
  }

  private Arbitrary<BadBody> bodies() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, fieldGiven(values())),
        Tuple.of(1, Arbitraries.of(fields).map(this::without)),
        Tuple.of(1, Arbitraries.of(fields).map(this::unknownBeside)),
        Tuple.of(1, wholeBody()));
  }

  /** The values a field may be given instead of its valid one. */
  private static Arbitrary<String> values() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of(RawJson.HOSTILE)),
        Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40).map(RawJson::string)),
        Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
        Tuple.of(1, dates()),
        Tuple.of(
            1,
            Arbitraries.of(
                RawJson.hugeString(100_000, 'x'),
                RawJson.hugeString(20_000, '\u00e9'),
                RawJson.deepArray(2_000),
                RawJson.deepObject(2_000),
                RawJson.longArray(5_000))));
  }

  /** Dates of any year, month and day, valid or not, as JSON strings. */
  private static Arbitrary<String> dates() {
    return Combinators.combine(
            Arbitraries.integers().between(-1_000_000, 1_000_000),
            Arbitraries.integers().between(0, 13),
            Arbitraries.integers().between(0, 32))
        .as(
            (year, month, day) ->
                "\"%s%04d-%02d-%02d\""
                    .formatted(year > 9999 ? "+" : "", year, month, day)
                    .replace("\"+-", "\"-"));
  }

  private Arbitrary<BadBody> fieldGiven(Arbitrary<String> values) {
    return Combinators.combine(Arbitraries.of(fields), values)
        .as(
            (field, value) ->
                BadBody.json(field.name() + " = " + cut(value), with(field, value), field.name()));
  }

  private BadBody without(FieldAt field) {
    JsonNode copy = valid.deepCopy();
    JsonNode parent = copy.at(field.parentPointer());
    if (parent instanceof ObjectNode object) {
      object.remove(field.key());
    } else if (parent instanceof ArrayNode array) {
      array.remove(field.index());
    }
    return BadBody.json(field.name() + " left out", write(copy), field.name());
  }

  private BadBody unknownBeside(FieldAt field) {
    JsonNode copy = valid.deepCopy();
    JsonNode parent = copy.at(field.parentPointer());
    String unknown = "colour";
    if (parent instanceof ObjectNode object) {
      object.put(unknown, "red");
      String name = field.parentName().isEmpty() ? unknown : field.parentName() + "." + unknown;
      return BadBody.json("unknown field " + name, write(copy), name);
    }
    if (valid instanceof ObjectNode object) {
      return BadBody.json(
          "unknown field colour", write(object.deepCopy().put(unknown, "red")), unknown);
    }
    // a list of values: an element that is only an unknown field
    ArrayNode list = (ArrayNode) valid.deepCopy();
    list.addObject().put(unknown, "red");
    return BadBody.json("an element with only an unknown field", write(list), null);
  }

  private Arbitrary<BadBody> wholeBody() {
    String body = write(valid);
    byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
    List<String> topLevel = new ArrayList<>();
    valid.fieldNames().forEachRemaining(topLevel::add);
    Arbitrary<BadBody> truncated =
        Arbitraries.integers()
            .between(0, body.length() - 1)
            .map(at -> BadBody.json("truncated at " + at, body.substring(0, at), null));
    Arbitrary<BadBody> duplicateKey =
        topLevel.isEmpty()
            ? truncated
            : Combinators.combine(Arbitraries.of(topLevel), Arbitraries.of(RawJson.HOSTILE))
                .as(
                    (key, value) ->
                        BadBody.json(
                            "duplicate key " + key + " = " + value,
                            body.substring(0, body.length() - 1)
                                + ",\""
                                + key
                                + "\":"
                                + value
                                + "}",
                            null));
    Arbitrary<BadBody> notJson =
        Arbitraries.of(
                "",
                "null",
                "[]",
                "42",
                "\"text\"",
                "[" + body + "]",
                body + "}}",
                body.substring(0, body.length() - 1) + ",}",
                "/* a comment */" + body,
                body.replace('"', '\''),
                RawJson.deepObject(5_000),
                RawJson.deepArray(5_000),
                "\uFEFF" + body,
                "NaN")
            .map(text -> BadBody.json("whole body " + cut(text), text, null));
    Arbitrary<BadBody> otherType =
        Arbitraries.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/octet-stream",
                "application/json; charset=ISO-8859-1",
                "application/json; charset=UTF-16",
                "image/png",
                "*/*",
                "application/problem+json")
            .map(type -> new BadBody("sent as " + type, type, utf8, null));
    Arbitrary<BadBody> notUtf8 =
        Arbitraries.integers()
            .between(1, utf8.length - 1)
            .map(
                at -> {
                  byte[] bytes = new byte[utf8.length + 2];
                  System.arraycopy(utf8, 0, bytes, 0, at);
                  bytes[at] = (byte) 0xC3;
                  bytes[at + 1] = (byte) 0x28;
                  System.arraycopy(utf8, at, bytes, at + 2, utf8.length - at);
                  return new BadBody("bytes not UTF-8 at " + at, BadBody.JSON, bytes, null);
                });
    return Arbitraries.oneOf(truncated, duplicateKey, notJson, otherType, notUtf8);
  }

  private String with(FieldAt field, String value) {
    JsonNode copy = valid.deepCopy();
    JsonNode parent = copy.at(field.parentPointer());
    if (parent instanceof ObjectNode object) {
      object.put(field.key(), MARK);
    } else if (parent instanceof ArrayNode array) {
      array.set(field.index(), MARK);
    }
    return write(copy).replace(JSON_MARK, value);
  }

  private static final String JSON_MARK = write(JSON.getNodeFactory().textNode(MARK));

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String cut(String value) {
    return value.length() > 60 ? value.substring(0, 60) + "…(" + value.length() + ")" : value;
  }

  /** Every field and list element of the body, nested ones too. */
  private void collect(JsonNode node, String pointer) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> entries = object.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        fields.add(new FieldAt(pointer, nameOf(pointer), entry.getKey(), -1));
        collect(entry.getValue(), pointer + "/" + entry.getKey());
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        fields.add(new FieldAt(pointer, nameOf(pointer), null, i));
        collect(array.get(i), pointer + "/" + i);
      }
    }
  }

  /** {@code /leads/0/email} as the service names it: {@code leads[0].email}. */
  private static String nameOf(String pointer) {
    StringBuilder name = new StringBuilder();
    for (String part : pointer.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.chars().allMatch(Character::isDigit)) {
        name.append('[').append(part).append(']');
      } else {
        name.append(name.length() == 0 ? "" : ".").append(part);
      }
    }
    return name.toString();
  }

  /** A field of an object ({@code key}) or an element of a list ({@code index}). */
  private record FieldAt(String parentPointer, String parentName, String key, int index) {
    String name() {
      if (key == null) {
        return parentName + "[" + index + "]";
      }
      return parentName.isEmpty() ? key : parentName + "." + key;
    }
  }
}
