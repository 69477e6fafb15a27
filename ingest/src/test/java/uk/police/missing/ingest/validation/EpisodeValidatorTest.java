package uk.police.missing.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EpisodeValidatorTest {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private static Set<String> forceCodes;
  private static List<String> validLines;
  private static List<String> invalidLines;
  private static List<String> invalidReasons;
  private static EpisodeValidator validator;

  @BeforeAll
  static void loadContractExamples() throws IOException {
    forceCodes =
        lines("forces/forces.csv").stream()
            .skip(1) // header
            .map(row -> row.split(",", 2)[0].trim())
            .collect(Collectors.toUnmodifiableSet());
    validLines = lines("contract/valid.ndjson");
    invalidLines = lines("contract/invalid.ndjson");
    invalidReasons = lines("contract/invalid-reasons.txt");
    validator = new EpisodeValidator(forceCodes);
  }

  // ------------------------------------------------------------ the contract's examples

  @Test
  void acceptsEveryLineOfTheValidExamples() {
    assertThat(validLines).hasSize(3);
    for (String line : validLines) {
      LineValidation result = validator.validate(line);
      assertThat(result).as(line).isInstanceOf(LineValidation.Valid.class);
      assertThat(((LineValidation.Valid) result).record()).isEqualTo(JSON.readTree(line));
    }
  }

  @Test
  void hasOneExpectedReasonForEachLineOfTheInvalidExamples() {
    assertThat(invalidLines).hasSize(7);
    assertThat(invalidReasons).hasSize(invalidLines.size());
  }

  @ParameterizedTest(name = "invalid.ndjson line {0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "1 | /child/dateOfBirth | is not a real date in the form YYYY-MM-DD",
        "2 | /risk/level        | 'ABSENT' is not allowed here; use one of HIGH, MEDIUM, LOW, NO_APPARENT_RISK",
        "3 | /child             | required field 'child' is missing",
        "4 | /child/dateOfBirth | is after the date the episode was reported",
        "5 | /extra             | unknown field 'extra': contract version 1 does not define it",
        "6 | /found/place       | a place needs at least one of uprn, postcode, geo or name",
        "7 | \"\"                 | the line ends before the record is complete (cut off?)",
      })
  void rejectsEachLineOfTheInvalidExamplesForItsReason(int lineNumber, String pointer, String message) {
    List<Reason> reasons = reasonsOf(invalidLines.get(lineNumber - 1));

    assertThat(invalidReasons.get(lineNumber - 1)).startsWith("line " + lineNumber + ":");
    assertThat(reasons)
        .as(invalidReasons.get(lineNumber - 1))
        .singleElement()
        .satisfies(
            reason -> {
              assertThat(reason.pointer()).isEqualTo(pointer);
              assertThat(reason.message()).contains(message);
            });
  }

  // ------------------------------------------------------------ not a record

  @Test
  void rejectsADuplicateField() {
    String line = validLines.get(0).replaceFirst("\\{", "{\"force\": \"GMP\", ");

    assertThat(reasonsOf(line))
        .containsExactly(new Reason("", "duplicate field 'force': each field may appear once"));
  }

  @Test
  void rejectsADuplicateFieldInsideANestedObject() {
    String line = validLines.get(0).replace("\"givenName\": \"Kayla\"", "\"givenName\": \"Kayla\", \"givenName\": \"K\"");

    assertThat(reasonsOf(line))
        .containsExactly(new Reason("", "duplicate field 'givenName': each field may appear once"));
  }

  @ParameterizedTest
  @ValueSource(strings = {" x", " {}", "}", ",", " 42", " \"more\""})
  void rejectsTrailingGarbageAfterTheRecord(String garbage) {
    assertThat(reasonsOf(validLines.get(0) + garbage))
        .singleElement()
        .satisfies(
            reason -> {
              assertThat(reason.pointer()).isEmpty();
              assertThat(reason.message()).contains("more text after the end of the record");
            });
  }

  @Test
  void acceptsWhitespaceAroundTheRecord() {
    assertThat(validator.validate("  " + validLines.get(0) + " \t "))
        .isInstanceOf(LineValidation.Valid.class);
  }

  @Test
  void rejectsAJsonArrayInsteadOfAnObject() {
    assertThat(reasonsOf("[" + validLines.get(0) + "]"))
        .singleElement()
        .satisfies(
            reason -> {
              assertThat(reason.pointer()).isEmpty();
              assertThat(reason.message()).startsWith("not a record: the line is a JSON array");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"42", "\"a record\"", "null", "true"})
  void rejectsAJsonValueThatIsNotAnObject(String line) {
    assertThat(reasonsOf(line))
        .singleElement()
        .satisfies(reason -> assertThat(reason.message()).startsWith("not a record: the line is"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void rejectsAnEmptyLine(String line) {
    assertThat(reasonsOf(line))
        .singleElement()
        .satisfies(reason -> assertThat(reason.message()).startsWith("empty line"));
  }

  @Test
  void rejectsTextThatIsNotJsonWithoutEchoingMuchOfIt() {
    String line = "{\"force\": " + "GMP".repeat(500) + "}";

    assertThat(reasonsOf(line))
        .singleElement()
        .satisfies(
            reason -> {
              assertThat(reason.pointer()).isEmpty();
              assertThat(reason.message()).startsWith("not valid JSON at character 11: unrecognized token 'GMPGMP");
              assertThat(reason.message()).doesNotContain("GMP".repeat(20)).hasSizeLessThan(200);
            });
  }

  @Test
  void saysPlainlyWhenALineStartsWithAByteOrderMark() {
    assertThat(reasonsOf("\uFEFF" + validLines.get(0)))
        .containsExactly(
            new Reason("", "not valid JSON: the line starts with a byte order mark (U+FEFF); send UTF-8 without it"));
  }

  @Test
  void rejectsSingleQuotedJson() {
    assertThat(reasonsOf("{'force': 'GMP'}"))
        .singleElement()
        .satisfies(reason -> assertThat(reason.message()).startsWith("not valid JSON at character 2"));
  }

  @Test
  void rejectsNestingFarDeeperThanTheContractNeeds() {
    String line = validLines.get(0).replace("\"flags\": [\"CSE\"]", "\"flags\": " + "[".repeat(100) + "]".repeat(100));

    assertThat(reasonsOf(line))
        .singleElement()
        .satisfies(
            reason -> {
              assertThat(reason.pointer()).isEmpty();
              assertThat(reason.message()).contains("nested more than 64 levels");
            });
  }

  @Test
  void rejectsATextValueFarLongerThanAnyTheContractAllowsWhileParsing() {
    String line = changed(r -> r.put("notes", "N".repeat(EpisodeValidator.MAX_STRING_LENGTH + 1)));

    assertThat(reasonsOf(line))
        .containsExactly(new Reason("", "not accepted: a text value is longer than 100000 characters"));
  }

  @Test
  void rejectsANumberWrittenWithMoreThanAThousandCharacters() {
    String line = validLines.get(0).replace("\"recordVersion\": 1,", "\"recordVersion\": " + "9".repeat(1001) + ",");

    assertThat(reasonsOf(line))
        .containsExactly(new Reason("", "not accepted: a number is written with more than 1000 characters"));
  }

  // ------------------------------------------------------------ the schema

  @Test
  void rejectsAnEmptyObjectListingEveryRequiredField() {
    assertThat(reasonsOf("{}"))
        .containsExactly(
            new Reason("/child", "required field 'child' is missing"),
            new Reason("/episodeRef", "required field 'episodeRef' is missing"),
            new Reason("/force", "required field 'force' is missing"),
            new Reason("/missingFrom", "required field 'missingFrom' is missing"),
            new Reason("/recordVersion", "required field 'recordVersion' is missing"),
            new Reason("/reportedAt", "required field 'reportedAt' is missing"),
            new Reason("/risk", "required field 'risk' is missing"),
            new Reason("/schemaVersion", "required field 'schemaVersion' is missing"),
            new Reason("/status", "required field 'status' is missing"));
  }

  @Test
  void rejectsADateOfBirthThatIsNotARealDate() {
    String line = changed(r -> child(r).put("dateOfBirth", "2010-02-30"));

    assertThat(reasonsOf(line))
        .containsExactly(
            new Reason("/child/dateOfBirth", "'2010-02-30' is not a real date in the form YYYY-MM-DD"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-03-14T21:05:00", "2026-03-14", "2026-03-14T21:05:00+0100", "14/03/2026 21:05"})
  void rejectsADateTimeWithoutAnOffsetOrInAnotherForm(String reportedAt) {
    String line = changed(r -> r.put("reportedAt", reportedAt));

    assertThat(reasonsOf(line))
        .containsExactly(
            new Reason(
                "/reportedAt",
                "'" + reportedAt + "' must be an RFC 3339 date-time with an offset, e.g. 2026-03-14T21:05:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-03-14T21:05:00+01:00", "2026-03-14T21:05:00.250-05:00", "2026-03-14t21:05:00z"})
  void acceptsRfc3339DateTimesWithAnOffset(String reportedAt) {
    assertThat(validator.validate(changed(r -> r.put("reportedAt", reportedAt))))
        .isInstanceOf(LineValidation.Valid.class);
  }

  @Test
  void rejectsAValueOutsideAnEnumListingTheAllowedValues() {
    String line = changed(r -> ((ObjectNode) r.get("risk")).put("level", "ABSENT"));

    assertThat(reasonsOf(line))
        .containsExactly(
            new Reason("/risk/level", "'ABSENT' is not allowed here; use one of HIGH, MEDIUM, LOW, NO_APPARENT_RISK"));
  }

  @Test
  void rejectsAnotherSchemaVersion() {
    assertThat(reasonsOf(changed(r -> r.put("schemaVersion", 2))))
        .containsExactly(new Reason("/schemaVersion", "schemaVersion must be 1"));
  }

  @Test
  void rejectsAnUnknownFieldAtItsOwnPointer() {
    String line = changed(r -> child(r).put("a/b~c", "x"));

    assertThat(reasonsOf(line))
        .containsExactly(
            new Reason("/child/a~1b~0c", "unknown field 'a/b~c': contract version 1 does not define it"));
  }

  @Test
  void reportsAPlaceWithNoneOfItsIdentifyingFieldsOnceAtThePlace() {
    String line = changed(r -> ((ObjectNode) r.get("lastSeen")).putObject("place").put("town", "Manchester"));

    assertThat(reasonsOf(line))
        .containsExactly(new Reason("/lastSeen/place", "a place needs at least one of uprn, postcode, geo or name"));
  }

  @Test
  void rejectsValuesThatDoNotHaveTheirFieldsPattern() {
    String line =
        changed(
            r -> {
              child(r).put("pncId", "12345");
              r.put("force", "gmp");
              r.putArray("phones").add("call me");
              r.putArray("vehicles").addObject().put("registration", "AB-12-CDE");
            });

    assertThat(reasonsOf(line))
        .containsExactly(
            new Reason(
                "/child/pncId",
                "'12345' is not a PNC id: use 2 to 4 digits, '/', 1 to 7 digits and a capital letter, e.g. 12/345678A"),
            new Reason("/force", "'gmp' is not a force code: use three capital letters, e.g. GMP"),
            new Reason(
                "/phones/0",
                "'call me' is not a phone number: use 6 to 20 of digits, spaces, +, (, ) and -, e.g. +44 7700 900123"),
            new Reason(
                "/vehicles/0/registration",
                "'AB-12-CDE' is not a vehicle registration: use 2 to 10 letters, digits or spaces, e.g. AB12 CDE"));
  }

  @Test
  void rejectsAForceCodeWithATrailingNewline() {
    assertThat(reasonsOf(changed(r -> r.put("force", "GMP\n"))))
        .containsExactly(
            new Reason("/force", "'GMP\\n' is not a force code: use three capital letters, e.g. GMP"));
  }

  @Test
  void rejectsValuesOfTheWrongTypeAndOutsideTheirLimits() {
    String line =
        changed(
            r -> {
              r.put("recordVersion", "1");
              r.put("episodeRef", 5);
              child(r).put("givenName", "");
              ((ObjectNode) r.get("risk")).putArray("factors").add("CSE").add("CSE");
              ((ObjectNode) r.get("lastSeen").get("place")).putObject("geo").put("lat", 61.5).put("lon", -9.5);
              r.putArray("associates").addObject().put("personRef", "P1").put("role", "PEER").put("approximateAge", 121);
            });

    assertThat(reasonsOf(line))
        .containsExactly(
            new Reason("/associates/0/approximateAge", "must be at most 120 (it is 121)"),
            new Reason("/child/givenName", "must not be empty"),
            new Reason("/episodeRef", "must be text (a JSON string), not a number"),
            new Reason("/lastSeen/place/geo/lat", "must be at most 61 (it is 61.5)"),
            new Reason("/lastSeen/place/geo/lon", "must be at least -9 (it is -9.5)"),
            new Reason("/recordVersion", "must be a whole number, not text"),
            new Reason("/risk/factors", "lists 'CSE' more than once; each entry may appear only once"));
  }

  @Test
  void rejectsTooManyEntriesInAList() {
    String line =
        changed(
            r -> {
              var withPeople = ((ObjectNode) r.get("lastSeen")).putArray("withPeople");
              IntStream.range(0, 21).forEach(i -> withPeople.add("P" + i));
            });

    assertThat(reasonsOf(line))
        .containsExactly(new Reason("/lastSeen/withPeople", "has 21 entries; at most 20 allowed"));
  }

  @Test
  void rejectsAnOverLongStringWithoutEchoingIt() {
    String notes = "N".repeat(8001);
    List<Reason> reasons = reasonsOf(changed(r -> r.put("notes", notes)));

    assertThat(reasons).containsExactly(new Reason("/notes", "is too long: 8001 characters, at most 8000 allowed"));
    assertThat(reasons.get(0).message()).doesNotContain("NNNNNNNNNN");
  }

  @Test
  void countsLengthInCharactersNotUtf16Units() {
    String notes = "😀".repeat(8000); // 16,000 UTF-16 units, 8,000 characters

    assertThat(validator.validate(changed(r -> r.put("notes", notes)))).isInstanceOf(LineValidation.Valid.class);
  }

  @Test
  void clipsLongValuesItQuotes() {
    String level = "X".repeat(500);
    List<Reason> reasons = reasonsOf(changed(r -> ((ObjectNode) r.get("risk")).put("level", level)));

    assertThat(reasons).singleElement().satisfies(reason -> {
      assertThat(reason.message()).startsWith("'" + "X".repeat(60) + "…'");
      assertThat(reason.message()).hasSizeLessThan(140);
    });
  }

  @Test
  void reportsEveryErrorOfALineOrderedByPointer() {
    String line =
        changed(
            r -> {
              r.remove("status");
              r.put("extra", true);
              ((ObjectNode) r.get("risk")).put("level", "ABSENT");
              child(r).put("dateOfBirth", "2010-02-30");
              r.put("reportedAt", "2026-03-14T21:05:00");
            });

    assertThat(reasonsOf(line))
        .extracting(Reason::pointer)
        .containsExactly("/child/dateOfBirth", "/extra", "/reportedAt", "/risk/level", "/status");
  }

  // ------------------------------------------------------------ beyond the schema

  @Test
  void rejectsAnUnknownForceCode() {
    assertThat(reasonsOf(changed(r -> r.put("force", "XYZ"))))
        .containsExactly(new Reason("/force", "unknown force code 'XYZ': use a code from the national force list"));
  }

  @Test
  void rejectsAChildBornAfterTheEpisodeWasReported() {
    assertThat(reasonsOf(changed(r -> child(r).put("dateOfBirth", "2026-03-15"))))
        .singleElement()
        .satisfies(
            reason -> {
              assertThat(reason.pointer()).isEqualTo("/child/dateOfBirth");
              assertThat(reason.message())
                  .contains("date of birth 2026-03-15 is after the date the episode was reported (2026-03-14)");
            });
  }

  @Test
  void acceptsAChildBornOnTheDayTheEpisodeWasReported() {
    assertThat(validator.validate(changed(r -> child(r).put("dateOfBirth", "2026-03-14"))))
        .isInstanceOf(LineValidation.Valid.class);
  }

  @Test
  void takesTheReportDateAtTheOffsetTheReportWasWrittenIn() {
    // 00:30 on 1 January at +01:00 is still 31 December in UTC: the report date is 1 January
    String line =
        changed(
            r -> {
              r.put("reportedAt", "2026-01-01T00:30:00+01:00");
              child(r).put("dateOfBirth", "2026-01-01");
            });

    assertThat(validator.validate(line)).isInstanceOf(LineValidation.Valid.class);
  }

  @Test
  void rejectsWithPeopleEntriesThatNameNoAssociate() {
    String line =
        changed(
            r -> {
              r.putArray("associates").addObject().put("personRef", "GMP-N-0001").put("role", "WITH_CHILD");
              ((ObjectNode) r.get("lastSeen")).putArray("withPeople").add("GMP-N-0001").add("NOBODY-1");
              ObjectNode found = r.putObject("found").put("at", "2026-03-16T09:10:00Z");
              found.putObject("place").put("name", "Canal View Hotel");
              found.putArray("withPeople").add("NOBODY-2");
              ObjectNode sighting = r.putArray("sightings").addObject();
              sighting.putObject("place").put("postcode", "M1 1AA");
              sighting.putArray("withPeople").add("GMP-N-0001").add("NOBODY-3");
            });

    assertThat(reasonsOf(line))
        .extracting(Reason::pointer, reason -> reason.message().substring(0, reason.message().indexOf(':')))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/found/withPeople/0", "'NOBODY-2' names no personRef in associates"),
            org.assertj.core.groups.Tuple.tuple("/lastSeen/withPeople/1", "'NOBODY-1' names no personRef in associates"),
            org.assertj.core.groups.Tuple.tuple("/sightings/0/withPeople/1", "'NOBODY-3' names no personRef in associates"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e30", "99999999999999999999", "9223372036854775808", "1E+999999999"})
  void rejectsARecordVersionThatDoesNotFitIn64Bits(String recordVersion) {
    String line = changed(r -> r.set("recordVersion", JSON.readTree(recordVersion)));

    assertThat(reasonsOf(line))
        .singleElement()
        .satisfies(
            reason -> {
              assertThat(reason.pointer()).isEqualTo("/recordVersion");
              assertThat(reason.message()).contains("must fit in a signed 64-bit integer");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775807", "2.0"})
  void acceptsARecordVersionThatIsAWholeNumberIn64Bits(String recordVersion) {
    String line = validLines.get(0).replace("\"recordVersion\": 1,", "\"recordVersion\": " + recordVersion + ",");

    assertThat(validator.validate(line)).isInstanceOf(LineValidation.Valid.class);
  }

  @Test
  void rejectsAHugeNumberWhereASmallWholeNumberIsExpectedWithoutFailing() {
    String line = changed(r -> r.putArray("associates").addObject().put("personRef", "P1").put("role", "PEER")
        .set("approximateAge", JSON.readTree("1e30")));

    assertThat(reasonsOf(line)).containsExactly(new Reason("/associates/0/approximateAge", "must be at most 120 (it is 1E+30)"));
  }

  @Test
  void reportsEveryRuleBeyondTheSchemaThatALineBreaks() {
    String line =
        changed(
            r -> {
              r.put("force", "XYZ");
              r.set("recordVersion", JSON.readTree("99999999999999999999"));
              child(r).put("dateOfBirth", "2027-01-01");
              ((ObjectNode) r.get("lastSeen")).putArray("withPeople").add("NOBODY");
            });

    assertThat(reasonsOf(line))
        .extracting(Reason::pointer)
        .containsExactly("/child/dateOfBirth", "/force", "/lastSeen/withPeople/0", "/recordVersion");
  }

  // ------------------------------------------------------------ plain text stays plain text

  @Test
  void acceptsCypherLookingTextAsPlainText() {
    String line =
        changed(
            r -> {
              r.put("notes", "'}) MATCH (n) DETACH DELETE n //");
              child(r).put("givenName", "\"}); DROP DATABASE neo4j; //");
              child(r).put("familyName", "${jndi:ldap://example.invalid/a}");
            });

    LineValidation result = validator.validate(line);

    assertThat(result).isInstanceOf(LineValidation.Valid.class);
    assertThat(((LineValidation.Valid) result).record().get("notes").stringValue())
        .isEqualTo("'}) MATCH (n) DETACH DELETE n //");
  }

  @Test
  void acceptsNamesBeyondAscii() {
    String line =
        changed(
            r -> {
              child(r).put("givenName", "Zoë");
              child(r).put("familyName", "Ó Briain");
              child(r).putArray("alsoKnownAs").add("Zoë Ó Briain").add("Łucja Ńowak-Øster");
            });

    LineValidation result = validator.validate(line);

    assertThat(result).isInstanceOf(LineValidation.Valid.class);
    assertThat(((LineValidation.Valid) result).record().at("/child/familyName").stringValue()).isEqualTo("Ó Briain");
  }

  @Test
  void givesTheSameAnswersWhenCalledFromManyThreads() {
    List<String> lines = new java.util.ArrayList<>(validLines);
    lines.addAll(invalidLines);
    List<LineValidation> once = lines.stream().map(validator::validate).toList();

    List<List<LineValidation>> concurrent =
        IntStream.range(0, 64).parallel().mapToObj(i -> lines.stream().map(validator::validate).toList()).toList();

    assertThat(concurrent).allSatisfy(answers -> assertThat(answers).isEqualTo(once));
  }

  // ------------------------------------------------------------ helpers

  /** The first valid example, changed by {@code change}, as one line. */
  private static String changed(Consumer<ObjectNode> change) {
    ObjectNode record = (ObjectNode) JSON.readTree(validLines.get(0));
    change.accept(record);
    return JSON.writeValueAsString(record);
  }

  private static ObjectNode child(ObjectNode record) {
    return (ObjectNode) record.get("child");
  }

  private static List<Reason> reasonsOf(String line) {
    LineValidation result = validator.validate(line);
    assertThat(result).as("validation of %s", line.length() > 200 ? line.substring(0, 200) + "…" : line)
        .isInstanceOf(LineValidation.Invalid.class);
    return ((LineValidation.Invalid) result).reasons();
  }

  private static List<String> lines(String resource) throws IOException {
    try (InputStream in = EpisodeValidatorTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("classpath resource %s", resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
  }
}
