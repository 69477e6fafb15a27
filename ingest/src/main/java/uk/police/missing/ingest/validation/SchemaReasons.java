package uk.police.missing.ingest.validation;

import static uk.police.missing.ingest.validation.Texts.child;
import static uk.police.missing.ingest.validation.Texts.limit;
import static uk.police.missing.ingest.validation.Texts.quote;
import static uk.police.missing.ingest.validation.Texts.show;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;

/**
 * Turns the schema validator's errors into reasons a force system's developer can act on without
 * reading the schema. The library's own message texts are never used.
 */
final class SchemaReasons {

  static final String PLACE_NEEDS_ONE_OF =
      "a place needs at least one of uprn, postcode, geo or name";

  /** What the schema's patterns mean, keyed by the pattern text of the schema. */
  private static final Map<String, String> PATTERN_MEANINGS =
      Map.of(
          "^[A-Z]{3}$",
          "is not a force code: use three capital letters, e.g. GMP",
          "^[A-Za-z0-9][A-Za-z0-9/_.-]{2,63}$",
          "is not a valid episodeRef: use 3 to 64 letters, digits or / _ . -, starting with a letter"
              + " or digit",
          "^[0-9]{2,4}/[0-9]{1,7}[A-Z]$",
          "is not a PNC id: use 2 to 4 digits, '/', 1 to 7 digits and a capital letter, e.g."
              + " 12/345678A",
          "^[+0-9 ()-]{6,20}$",
          "is not a phone number: use 6 to 20 of digits, spaces, +, (, ) and -, e.g."
              + " +44 7700 900123",
          "^[A-Za-z0-9 ]{2,10}$",
          "is not a vehicle registration: use 2 to 10 letters, digits or spaces, e.g. AB12 CDE",
          "^[0-9]{1,12}$",
          "is not a UPRN: use 1 to 12 digits");

  private SchemaReasons() {}

  static List<Reason> of(List<Error> errors) {
    List<Reason> reasons = new ArrayList<>(errors.size());
    for (Error error : errors) {
      reasons.add(reason(error));
    }
    return reasons;
  }

  private static Reason reason(Error error) {
    NodePath location = error.getInstanceLocation();
    String pointer = location == null ? "" : location.toString();
    if (isInsideAnyOf(error.getEvaluationPath()) || "anyOf".equals(error.getKeyword())) {
      // the failures of the alternatives say nothing useful one by one: say what the alternatives
      // need together, once, at the value that matches none of them
      return new Reason(pointer, anyOfMessage(error));
    }
    JsonNode value = error.getInstanceNode();
    JsonNode rule = error.getSchemaNode();
    String keyword = String.valueOf(error.getKeyword());
    return switch (keyword) {
      case "required" -> {
        String name = missingProperty(error);
        yield new Reason(child(pointer, name), "required field " + quote(name) + " is missing");
      }
      case "additionalProperties" -> {
        String name = String.valueOf(error.getProperty());
        yield new Reason(
            child(pointer, name),
            "unknown field " + quote(name) + ": contract version 1 does not define it");
      }
      case "enum" ->
          new Reason(pointer, show(value) + " is not allowed here; use one of " + list(rule));
      case "const" ->
          new Reason(
              pointer,
              pointer.equals("/schemaVersion")
                  ? "schemaVersion must be 1"
                  : "must be " + show(rule) + ", not " + show(value));
      case "format" -> new Reason(pointer, formatMessage(value, rule));
      case "pattern" -> new Reason(pointer, patternMessage(value, rule));
      case "type" -> new Reason(pointer, typeMessage(value, rule));
      case "minimum" ->
          new Reason(pointer, "must be at least " + limit(rule) + " (it is " + show(value) + ")");
      case "maximum" ->
          new Reason(pointer, "must be at most " + limit(rule) + " (it is " + show(value) + ")");
      case "exclusiveMinimum" ->
          new Reason(
              pointer, "must be greater than " + limit(rule) + " (it is " + show(value) + ")");
      case "exclusiveMaximum" ->
          new Reason(pointer, "must be less than " + limit(rule) + " (it is " + show(value) + ")");
      case "minLength" ->
          new Reason(
              pointer,
              rule != null && rule.isNumber() && rule.intValue() == 1
                  ? "must not be empty"
                  : "is too short: " + length(value) + " characters, at least " + limit(rule)
                      + " needed");
      case "maxLength" ->
          new Reason(
              pointer,
              "is too long: " + length(value) + " characters, at most " + limit(rule) + " allowed");
      case "minItems" ->
          new Reason(
              pointer, "has " + size(value) + " entries; at least " + limit(rule) + " needed");
      case "maxItems" ->
          new Reason(
              pointer, "has " + size(value) + " entries; at most " + limit(rule) + " allowed");
      case "uniqueItems" -> new Reason(pointer, uniqueItemsMessage(value));
      default ->
          new Reason(
              pointer, "breaks the contract's '" + keyword + "' rule for this field");
    };
  }

  private static String missingProperty(Error error) {
    if (error.getProperty() != null) {
      return error.getProperty();
    }
    Object[] arguments = error.getArguments();
    return arguments != null && arguments.length > 0 ? String.valueOf(arguments[0]) : "?";
  }

  /** True when the error comes from an alternative of an anyOf, not from a property named so. */
  private static boolean isInsideAnyOf(NodePath evaluationPath) {
    if (evaluationPath == null) {
      return false;
    }
    for (int i = 0; i < evaluationPath.getNameCount(); i++) {
      if ("anyOf".equals(evaluationPath.getName(i))
          && (i == 0 || !isNameContainer(evaluationPath.getName(i - 1)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNameContainer(String keyword) {
    return "properties".equals(keyword) || "$defs".equals(keyword) || "definitions".equals(keyword)
        || "patternProperties".equals(keyword) || "dependentSchemas".equals(keyword);
  }

  private static String anyOfMessage(Error error) {
    String location = String.valueOf(error.getSchemaLocation());
    if (location.contains("#/$defs/place/anyOf")) {
      return PLACE_NEEDS_ONE_OF;
    }
    return "does not match any of the forms the contract allows here";
  }

  private static String formatMessage(JsonNode value, JsonNode rule) {
    String format = rule != null && rule.isString() ? rule.stringValue() : String.valueOf(rule);
    return switch (format) {
      case "date" -> show(value) + " is not a real date in the form YYYY-MM-DD";
      case "date-time" ->
          show(value)
              + " must be an RFC 3339 date-time with an offset, e.g. 2026-03-14T21:05:00Z";
      default -> show(value) + " is not a valid " + format;
    };
  }

  private static String patternMessage(JsonNode value, JsonNode rule) {
    String pattern = rule != null && rule.isString() ? rule.stringValue() : String.valueOf(rule);
    String meaning = PATTERN_MEANINGS.get(pattern);
    if (meaning != null) {
      return show(value) + " " + meaning;
    }
    return show(value) + " does not have the expected form (pattern " + Texts.clip(pattern) + ")";
  }

  private static String typeMessage(JsonNode value, JsonNode rule) {
    List<String> expected = new ArrayList<>();
    if (rule != null && rule.isArray()) {
      for (JsonNode type : rule) {
        expected.add(type.asString());
      }
    } else if (rule != null) {
      expected.add(rule.asString());
    }
    StringJoiner wanted = new StringJoiner(" or ");
    expected.forEach(type -> wanted.add(describeType(type)));
    if (expected.contains("integer") && value != null && value.isNumber()) {
      return "must be " + wanted + ", not " + show(value);
    }
    return "must be " + wanted + ", not " + describeValueType(value);
  }

  private static String describeType(String type) {
    return switch (type) {
      case "string" -> "text (a JSON string)";
      case "integer" -> "a whole number";
      case "number" -> "a number";
      case "boolean" -> "true or false";
      case "object" -> "an object {...}";
      case "array" -> "a list [...]";
      case "null" -> "null";
      default -> type;
    };
  }

  private static String describeValueType(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "nothing";
    }
    if (value.isString()) {
      return "text";
    }
    if (value.isNumber()) {
      return "a number";
    }
    if (value.isBoolean()) {
      return value.booleanValue() ? "true" : "false";
    }
    if (value.isNull()) {
      return "null";
    }
    return value.isArray() ? "a list" : "an object";
  }

  private static String uniqueItemsMessage(JsonNode value) {
    if (value != null && value.isArray()) {
      Set<JsonNode> seen = new HashSet<>();
      for (JsonNode item : value) {
        if (!seen.add(item)) {
          return "lists " + show(item) + " more than once; each entry may appear only once";
        }
      }
    }
    return "lists an entry more than once; each entry may appear only once";
  }

  private static String list(JsonNode values) {
    if (values == null || !values.isArray()) {
      return String.valueOf(values);
    }
    StringJoiner joined = new StringJoiner(", ");
    for (JsonNode v : values) {
      joined.add(v.isString() ? v.stringValue() : v.toString());
    }
    return joined.toString();
  }

  private static String length(JsonNode value) {
    if (value != null && value.isString()) {
      String text = value.stringValue();
      return String.valueOf(text.codePointCount(0, text.length()));
    }
    return "?";
  }

  private static String size(JsonNode value) {
    return value != null && value.isContainer() ? String.valueOf(value.size()) : "?";
  }
}
