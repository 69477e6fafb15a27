package uk.police.missing.api.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import uk.police.missing.api.ApiTest;

/**
 * Names as people write them, through POST /api/v1/episodes and GraphQL: each pair of the
 * issue's table, from two forces, is a possible match with one reason per field; twins and
 * names that cannot be compared are not.
 */
class NameVariantMatchesTest extends ApiTest {

  private static final String MATCHES =
      """
      { possibleMatches(kind: CHILD) { totalCount edges { node { confidence reasons
          entities { id } } } } }
      """;

  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of("Callum", "2010-10-29", "Cal", "2010-10-29", "MALE", "Cal is a short form of Callum"),
        Arguments.of("Elizabeth", "2011-04-29", "Beth", "2011-04-29", "FEMALE", "Beth is a short form of Elizabeth"),
        Arguments.of("Arthur", "2013-02-09", "Arthr", "2013-02-09", "MALE", "Arthur and Arthr differ by one letter"),
        Arguments.of("Aleksandra", "2007-06-07", "Alexandra", "2007-06-07", "FEMALE", "Aleksandra and Alexandra are spellings of one name"),
        Arguments.of("Jayden", "2008-09-23", "Jaden", "2008-09-23", "MALE", "Jayden and Jaden differ by one letter"),
        Arguments.of("Isla", "2005-02-20", "Isla", "2005-02-19", "FEMALE", "2005-02-20 and 2005-02-19 are 1 day apart"),
        Arguments.of("Leo", "2014-08-02", "Leo", "2014-07-23", "MALE", "2014-08-02 and 2014-07-23 are 10 days apart"));
  }

  @ParameterizedTest(name = "{0} {1} / {2} {3}")
  @MethodSource("pairs")
  void aNameWrittenAnotherWayIsAPossibleMatchWithItsReasons(
      String givenA, String bornA, String givenB, String bornB, String sex, String reason) {
    push(record("GMP", "GMP-A", givenA, "Quillfeather", bornA, sex) + "\n"
        + record("WMP", "WMP-B", givenB, "Quillfeather", bornB, sex));

    JsonNode matches = matches();

    assertThat(matches.get("totalCount").asInt()).as("possible matches").isEqualTo(1);
    JsonNode match = matches.get("edges").get(0).get("node");
    List<String> reasons = new ArrayList<>();
    match.get("reasons").values().forEach(r -> reasons.add(r.asString()));
    assertThat(reasons).anyMatch(r -> r.contains(reason));
    assertThat(reasons).contains("family names: both Quillfeather", "sex: both " + sex);
    assertThat(reasons).anyMatch(r -> r.startsWith("given names: "));
    assertThat(reasons).anyMatch(r -> r.startsWith("dates of birth: "));
    assertThat(match.get("confidence").asDouble()).isBetween(0.5, 1.0);
    // Nothing found by comparison is merged without an analyst's decision.
    assertThat(childId("GMP", "GMP-A")).isNotEqualTo(childId("WMP", "WMP-B"));
  }

  @Test
  void theContractsRuleForAnEstimatedDateOfBirthStillMakesAPossibleMatch() {
    ObjectNode estimated =
        (ObjectNode) JSON.readTree(record("GMP", "GMP-E1", "Kayla", "Quillfeather", "2010-01-01", "FEMALE"));
    ((ObjectNode) estimated.get("child")).put("dateOfBirthEstimated", true);
    push(JSON.writeValueAsString(estimated) + "\n"
        + record("WMP", "WMP-E2", "Kayla", "Quillfeather", "2010-07-19", "FEMALE"));

    JsonNode matches = matches();

    assertThat(matches.get("totalCount").asInt()).isEqualTo(1);
    assertThat(matches.get("edges").get(0).get("node").get("reasons").toString())
        .contains("one estimated, within a year");
  }

  @Test
  void twinsAreNeitherMergedNorSurfaced() {
    push(record("GMP", "GMP-T1", "Ruby", "Quillfeather", "2012-05-06", "FEMALE") + "\n"
        + record("WMP", "WMP-T2", "Oscar", "Quillfeather", "2012-05-06", "MALE"));

    assertThat(matches().get("totalCount").asInt()).isZero();
    assertThat(childId("GMP", "GMP-T1")).isNotEqualTo(childId("WMP", "WMP-T2"));
  }

  @Test
  void childrenWhoShareOnlyAFamilyNameAreNotCompared() {
    push(record("GMP", "GMP-S1", "Ruby", "Quillfeather", "2012-05-06", "FEMALE") + "\n"
        + record("WMP", "WMP-S2", "Ruby", "Quillfeather", "2009-11-23", "FEMALE"));

    assertThat(matches().get("totalCount").asInt()).isZero();
  }

  @Test
  void namesOfOneLetterPunctuationOrAnotherScriptTakePartOnlyThroughFirmKeys() {
    JsonNode report =
        push(record("GMP", "GMP-X1", "J", "Quillfeather", "2012-05-06", "MALE") + "\n"
            + record("WMP", "WMP-X2", "Jo", "Quillfeather", "2012-05-06", "MALE") + "\n"
            + record("GMP", "GMP-X3", "Анна", "Иванова", "2011-01-02", "FEMALE") + "\n"
            + record("WMP", "WMP-X4", "Анна", "Иванова", "2011-01-02", "FEMALE") + "\n"
            + record("GMP", "GMP-X5", "--", "'!?", "2011-01-02", "FEMALE"));

    assertThat(report.toString()).doesNotContain("REJECTED").doesNotContain("FAILED");
    assertThat(count("MATCH (r:ChildRecord) WHERE r.personRef IN ['GMP-X1', 'GMP-X3', 'WMP-X4', 'GMP-X5']"
            + " AND size(r.matchKeys) > 0 RETURN count(r)")).isZero();
    // Another script gives no key at all: the two records of Анна stay apart without a PNC id.
    assertThat(childId("GMP", "GMP-X3")).isNotEqualTo(childId("WMP", "WMP-X4"));
    // 'J' has no key, so 'Jo' with the same family name and date of birth does not meet it.
    assertThat(matches().get("totalCount").asInt()).isZero();
  }

  private JsonNode matches() {
    return JSON.valueToTree(graphQl().document(MATCHES).retrieveSync("possibleMatches").toEntity(MAP));
  }

  private static String record(
      String force, String personRef, String given, String family, String born, String sex) {
    ObjectNode record =
        (ObjectNode) JSON.readTree(resource("contract/valid.ndjson").lines().findFirst().orElseThrow());
    record.put("force", force);
    record.put("episodeRef", force + "/" + personRef);
    ObjectNode child = (ObjectNode) record.get("child");
    child.put("personRef", personRef);
    child.put("givenName", given);
    child.put("familyName", family);
    child.put("dateOfBirth", born);
    child.put("sex", sex);
    child.remove("pncId");
    child.remove("careStatus");
    child.remove("responsibleAuthority");
    return JSON.writeValueAsString(record);
  }

  private static final tools.jackson.databind.json.JsonMapper JSON = MatchReviewTest.JSON;
  private static final org.springframework.core.ParameterizedTypeReference<java.util.Map<String, Object>> MAP =
      MatchReviewTest.MAP;
}
