package uk.police.missing.ingest.validation;

import static uk.police.missing.ingest.validation.Texts.child;
import static uk.police.missing.ingest.validation.Texts.quote;
import static uk.police.missing.ingest.validation.Texts.show;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.ErrorReportConfiguration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates one NDJSON line against version 1 of the episode record contract: the line must be
 * one JSON object, the object must pass {@code contract/episode-record.schema.json} (JSON Schema
 * draft 2020-12, formats asserted), and then the contract's rules beyond the schema.
 *
 * <p>It rejects exactly what breaks the contract and reports every reason found. Instances are
 * immutable and thread-safe; build one and share it.
 */
public final class EpisodeValidator {

  static final String SCHEMA_RESOURCE = "contract/episode-record.schema.json";

  /** The schema nests about six levels; anything near this limit breaks it anyway. */
  static final int MAX_NESTING_DEPTH = 64;

  /**
   * Far above the longest string the schema allows (notes: 8,000 code points, at most 16,000
   * chars), so an over-long value gets the schema's maxLength reason, not a parse failure.
   */
  static final int MAX_STRING_LENGTH = 100_000;

  /** The contract's field names are short; every unknown name is rejected anyway. */
  static final int MAX_NAME_LENGTH = 1_000;

  /** Jackson's default: bounds the cost of parsing a number exactly. */
  static final int MAX_NUMBER_LENGTH = 1_000;

  /** The most of the input Jackson's own parse messages may quote. */
  static final int JACKSON_QUOTED = 40;

  private static final Pattern DUPLICATE_FIELD =
      Pattern.compile("Duplicate Object property \"(.*)\"", Pattern.DOTALL);

  private final Set<String> forceCodes;
  private final JsonMapper mapper;
  private final Schema schema;

  /**
   * @param forceCodes the codes of the national force list ({@code forces.csv}), e.g. "GMP"
   */
  public EpisodeValidator(Set<String> forceCodes) {
    this.forceCodes = Set.copyOf(Objects.requireNonNull(forceCodes, "forceCodes"));
    this.mapper = lineMapper();
    this.schema = loadSchema();
  }

  /**
   * Validates one line.
   *
   * @param line one NDJSON line, decoded from UTF-8, without its newline
   * @return {@link LineValidation.Valid} with the parsed record, or {@link LineValidation.Invalid}
   *     with every reason found, ordered by pointer
   */
  public LineValidation validate(String line) {
    Objects.requireNonNull(line, "line");
    JsonNode record;
    try {
      record = parse(line);
    } catch (NotARecord notARecord) {
      return new LineValidation.Invalid(List.of(new Reason("", notARecord.getMessage())));
    }
    List<Error> errors = schema.validate(record);
    List<Reason> reasons = errors.isEmpty() ? beyondTheSchema(record) : SchemaReasons.of(errors);
    if (reasons.isEmpty()) {
      return new LineValidation.Valid(record);
    }
    List<Reason> ordered = new ArrayList<>(new LinkedHashSet<>(reasons));
    ordered.sort(Texts.REASON_ORDER);
    return new LineValidation.Invalid(ordered);
  }

  // ---------------------------------------------------------------- parsing

  private static JsonMapper lineMapper() {
    JsonFactory factory =
        JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(MAX_NAME_LENGTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            // Jackson's own messages quote at most this much of the input
            .errorReportConfiguration(
                ErrorReportConfiguration.builder()
                    .maxErrorTokenLength(JACKSON_QUOTED)
                    .maxRawContentLength(0)
                    .build())
            .build();
    return JsonMapper.builder(factory)
        // keep numbers exact: 1e30 stays 1E+30, 52.4791 stays 52.4791; big integers stay BigInteger
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        // trailing content is checked in parse(), to say so plainly
        .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }

  private JsonNode parse(String line) throws NotARecord {
    try (JsonParser parser = mapper.createParser(line)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new NotARecord("empty line: each line must be one record, a JSON object {...}");
      }
      if (first != JsonToken.START_OBJECT) {
        throw new NotARecord(
            "not a record: the line is " + describe(first)
                + ", but each line must be one JSON object {...}");
      }
      JsonNode record = mapper.readTree(parser);
      boolean trailing;
      try {
        trailing = parser.nextToken() != null;
      } catch (JacksonException garbage) {
        trailing = true;
      }
      if (trailing) {
        throw new NotARecord(
            "not valid JSON: there is more text after the end of the record"
                + at(parser.currentTokenLocation())
                + "; send exactly one record a line");
      }
      return record;
    } catch (UnexpectedEndOfInputException cutOff) {
      throw new NotARecord(
          "not valid JSON: the line ends before the record is complete (cut off?)");
    } catch (StreamConstraintsException tooBig) {
      throw new NotARecord(constraintMessage(tooBig));
    } catch (JacksonException broken) {
      String original = String.valueOf(broken.getOriginalMessage());
      Matcher duplicate = DUPLICATE_FIELD.matcher(original);
      if (duplicate.find()) {
        throw new NotARecord(
            "duplicate field " + quote(duplicate.group(1)) + ": each field may appear once");
      }
      if (line.startsWith("\uFEFF")) {
        throw new NotARecord(
            "not valid JSON: the line starts with a byte order mark (U+FEFF);"
                + " send UTF-8 without it");
      }
      // Jackson quotes at most JACKSON_QUOTED characters of the input in its message
      String what = Texts.clip(lowerFirst(original), 160);
      throw new NotARecord("not valid JSON" + at(broken.getLocation()) + ": " + what);
    }
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "a JSON array [...]";
      case VALUE_STRING -> "a JSON string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NULL -> "null";
      default -> "not a JSON object";
    };
  }

  private static String at(TokenStreamLocation location) {
    if (location == null) {
      return "";
    }
    if (location.getCharOffset() >= 0) {
      return " at character " + (location.getCharOffset() + 1);
    }
    return location.getColumnNr() > 0 ? " at character " + location.getColumnNr() : "";
  }

  private static String constraintMessage(StreamConstraintsException e) {
    String m = String.valueOf(e.getOriginalMessage());
    if (m.contains("nesting depth")) {
      return "not accepted: objects and lists are nested more than " + MAX_NESTING_DEPTH
          + " levels deep; the contract needs far fewer";
    }
    if (m.startsWith("String value length")) {
      return "not accepted: a text value is longer than " + MAX_STRING_LENGTH + " characters";
    }
    if (m.startsWith("Name length")) {
      return "not accepted: a field name is longer than " + MAX_NAME_LENGTH + " characters";
    }
    if (m.startsWith("Number value length")) {
      return "not accepted: a number is written with more than " + MAX_NUMBER_LENGTH
          + " characters";
    }
    return "not accepted: the line exceeds a size limit of this service";
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** The line is not one JSON object; the message says why. */
  private static final class NotARecord extends Exception {
    private static final long serialVersionUID = 1L;

    NotARecord(String message) {
      super(message, null, false, false);
    }
  }

  // ---------------------------------------------------------------- the schema

  private static Schema loadSchema() {
    JsonNode schemaNode;
    ClassLoader loader = EpisodeValidator.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource " + SCHEMA_RESOURCE + " is missing");
      }
      schemaNode = JsonMapper.shared().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
    }
    widenIntegerBounds(schemaNode);
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_POINTER)
            // draft 2020-12 makes "format" an annotation only; the contract means it as a rule
            // ("2010-02-30" is no date, a date-time needs its offset)
            .formatAssertionsEnabled(true)
            .build();
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(config));
    String id = schemaNode.path("$id").asString("urn:missing-children:episode-record:1");
    Schema schema = registry.getSchema(SchemaLocation.of(id), schemaNode);
    schema.initializeValidators(); // resolve every $ref now, not lazily under concurrent calls
    return schema;
  }

  /**
   * Writes integer {@code minimum}/{@code maximum} limits as decimals (1 as 1.0: the same number
   * for JSON Schema). networknt 3.0.9 compares an "integer"-typed value against an integer limit
   * through {@code JsonNode.asLong()}, which in Jackson 3 throws for a value such as 1e30 instead
   * of answering; with a decimal limit it compares exact BigDecimals.
   */
  private static void widenIntegerBounds(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (String limit : List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")) {
        JsonNode value = object.get(limit);
        if (value != null && value.isIntegralNumber()) {
          object.put(limit, new BigDecimal(value.bigIntegerValue()).setScale(1));
        }
      }
      for (Map.Entry<String, JsonNode> property : object.properties()) {
        if (!Set.of("enum", "const", "default", "examples").contains(property.getKey())) {
          widenIntegerBounds(property.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (JsonNode item : array) {
        widenIntegerBounds(item);
      }
    }
  }

  // ---------------------------------------------------------------- beyond the schema

  /** The contract's rules beyond the schema, for a record that passed the schema. */
  private List<Reason> beyondTheSchema(JsonNode record) {
    List<Reason> reasons = new ArrayList<>();

    String force = text(record.get("force"));
    if (force != null && !forceCodes.contains(force)) {
      reasons.add(
          new Reason(
              "/force",
              "unknown force code " + quote(force) + ": use a code from the national force list"));
    }

    JsonNode recordVersion = record.get("recordVersion");
    if (recordVersion != null && recordVersion.isNumber() && !fitsInLong(recordVersion)) {
      reasons.add(
          new Reason(
              "/recordVersion",
              "recordVersion " + show(recordVersion) + " is too large: it must fit in a signed"
                  + " 64-bit integer (at most " + Long.MAX_VALUE + ")"));
    }

    LocalDate born = date(text(record.path("child").get("dateOfBirth")));
    String reportedAt = text(record.get("reportedAt"));
    // an RFC 3339 date-time starts with its date at its own offset
    LocalDate reported =
        reportedAt == null || reportedAt.length() < 10 ? null : date(reportedAt.substring(0, 10));
    if (born != null && reported != null && born.isAfter(reported)) {
      reasons.add(
          new Reason(
              "/child/dateOfBirth",
              "date of birth " + born + " is after the date the episode was reported ("
                  + reported + "): a child cannot be reported missing before being born"));
    }

    Set<String> personRefs = new HashSet<>();
    for (JsonNode associate : record.path("associates")) {
      String ref = text(associate.get("personRef"));
      if (ref != null) {
        personRefs.add(ref);
      }
    }
    checkWithPeople(record.path("lastSeen"), "/lastSeen", personRefs, reasons);
    checkWithPeople(record.path("found"), "/found", personRefs, reasons);
    JsonNode sightings = record.path("sightings");
    for (int i = 0; i < sightings.size(); i++) {
      checkWithPeople(sightings.get(i), child("/sightings", i), personRefs, reasons);
    }
    return reasons;
  }

  private static void checkWithPeople(
      JsonNode holder, String pointer, Set<String> personRefs, List<Reason> reasons) {
    JsonNode withPeople = holder.path("withPeople");
    for (int i = 0; i < withPeople.size(); i++) {
      String ref = text(withPeople.get(i));
      if (ref != null && !personRefs.contains(ref)) {
        reasons.add(
            new Reason(
                child(child(pointer, "withPeople"), i),
                quote(ref) + " names no personRef in associates: add that person to associates"
                    + " or leave them out here"));
      }
    }
  }

  private static boolean fitsInLong(JsonNode number) {
    if (number.isInt() || number.isLong()) {
      return true;
    }
    try {
      number.decimalValue().longValueExact(); // quick even for 1E+999999999
      return true;
    } catch (ArithmeticException tooBigOrFractional) {
      return false;
    }
  }

  private static String text(JsonNode node) {
    return node != null && node.isString() ? node.stringValue() : null;
  }

  private static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException notIsoDate) {
      return null; // the schema has judged the form; nothing more to say here
    }
  }
}
