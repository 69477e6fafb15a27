package uk.police.missing.api.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.client.FieldAccessException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.police.missing.api.ApiTest;

/** Possible matches over GraphQL, and analysts' decisions that beat the automatic rules. */
class MatchReviewTest extends ApiTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

  static final String MATCHES =
      """
      query($first: Int, $after: String, $status: MatchStatus) {
        possibleMatches(first: $first, after: $after, status: $status) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { cursor node { id confidence reasons status decidedBy decisionReason
                  entities { id __typename } } }
        }
      }
      """;

  static final String DECIDE =
      """
      mutation($id: ID!, $decision: MatchDecision!, $reason: String!) {
        decideMatch(id: $id, decision: $decision, reason: $reason) {
          id status decidedBy decisionReason entities { id }
        }
      }
      """;

  @Test
  void dMoneyWithTheSharedPhoneIsAPossibleMatchAcrossForces() {
    push(resource("contract/valid.ndjson"));

    JsonNode matches = matches(50, null, "OPEN");

    assertThat(matches.get("totalCount").asInt()).isEqualTo(1);
    JsonNode match = matches.get("edges").get(0).get("node");
    assertThat(match.get("reasons").values()).extracting(JsonNode::asString)
        .contains("shared phone +447700900461", "shared street name 'dmoney'");
    assertThat(match.get("confidence").asDouble()).isBetween(0.5, 0.95);
    assertThat(match.get("entities")).hasSize(2);
    assertThat(match.get("entities").findValuesAsString("__typename")).containsOnly("Person");
  }

  @Test
  void aConfirmedMatchJoinsThePeopleChangesTheAnswersAndSurvivesLaterIngests() {
    push(resource("contract/valid.ndjson"));
    String id = matches(50, null, "OPEN").get("edges").get(0).get("node").get("id").asString();
    assertThat(people()).isEmpty();

    JsonNode decided = decide(id, "CONFIRM", "Same phone and street name; intelligence report 7");

    assertThat(decided.get("status").asString()).isEqualTo("CONFIRMED");
    assertThat(decided.get("decisionReason").asString()).contains("intelligence report 7");
    assertThat(decided.get("entities")).hasSize(1);
    assertThat(personId("GMP", "GMP-N-7781")).isEqualTo(personId("WMP", "WMP-33-55501"));
    assertThat(people()).hasSize(1);
    // Known by a street name in one force and by name in the other: shown by name.
    Map<String, Object> person =
        graphQl()
            .document("query($id: ID!) { person(id: $id) { givenName familyName alsoKnownAs } }")
            .variable("id", personId("GMP", "GMP-N-7781"))
            .retrieveSync("person")
            .toEntity(MAP);
    assertThat(person).containsEntry("givenName", "Dean").containsEntry("familyName", "Marsh");

    // A later version of the WMP episode, and a replay of everything, keep the decision.
    List<String> lines = resource("contract/valid.ndjson").lines().toList();
    ObjectNode later = (ObjectNode) JSON.readTree(lines.get(2));
    later.put("recordVersion", 2);
    later.put("status", "CLOSED");
    push(JSON.writeValueAsString(later) + "\n" + String.join("\n", lines));

    assertThat(personId("GMP", "GMP-N-7781")).isEqualTo(personId("WMP", "WMP-33-55501"));
    assertThat(matches(50, null, "CONFIRMED").get("totalCount").asInt()).isEqualTo(1);
    assertThat(matches(50, null, "OPEN").get("totalCount").asInt()).isZero();
  }

  @Test
  void aRejectedMatchKeepsChildrenApartEvenWhenALaterRecordWouldJoinThem() {
    List<String> lines = resource("contract/valid.ndjson").lines().toList();
    ObjectNode typo = (ObjectNode) JSON.readTree(lines.get(2));
    ((ObjectNode) typo.get("child")).put("dateOfBirth", "2010-07-18");
    push(lines.get(0) + "\n" + JSON.writeValueAsString(typo));
    JsonNode open = matches(50, null, "OPEN");
    JsonNode childMatch = null;
    for (JsonNode edge : open.get("edges")) {
      if (edge.get("node").get("reasons").toString().contains("one digit apart")) {
        childMatch = edge.get("node");
      }
    }
    assertThat(childMatch).as("a possible match for the date-of-birth typo").isNotNull();
    assertThat(childMatch.get("confidence").asDouble()).isBetween(0.5, 1.0);
    assertThat(childId("GMP", "GMP-P-000451")).isNotEqualTo(childId("WMP", "WMP-33-98120"));

    decide(childMatch.get("id").asString(), "REJECT", "Different children: checked with both forces");
    // The WMP record is corrected to the very same date of birth: the automatic rule would join.
    ObjectNode corrected = typo.deepCopy();
    corrected.put("recordVersion", 2);
    ((ObjectNode) corrected.get("child")).put("dateOfBirth", "2010-07-19");
    push(JSON.writeValueAsString(corrected));

    assertThat(childId("GMP", "GMP-P-000451")).isNotEqualTo(childId("WMP", "WMP-33-98120"));
    assertThat(matches(50, null, "REJECTED").get("totalCount").asInt()).isEqualTo(1);
  }

  @Test
  void aRecordBridgingARejectedPairJoinsTheSameSideWhicheverOfThePairArrivedFirst() {
    List<String> lines = resource("contract/valid.ndjson").lines().toList();
    ObjectNode gmp = (ObjectNode) JSON.readTree(lines.get(0));
    ObjectNode wmp = (ObjectNode) JSON.readTree(lines.get(2));
    ((ObjectNode) wmp.get("child")).put("dateOfBirth", "2010-07-18");
    ObjectNode corrected = wmp.deepCopy();
    corrected.put("recordVersion", 2);
    ((ObjectNode) corrected.get("child")).put("dateOfBirth", "2010-07-19");
    // A third force's record with the name and date of birth of both: it may join either side.
    ObjectNode btp = gmp.deepCopy();
    btp.put("force", "BTP");
    btp.put("episodeRef", "BTP/2026/0001");
    ((ObjectNode) btp.get("child")).put("personRef", "BTP-P-1");
    ((ObjectNode) btp.get("child")).remove("pncId");

    for (var first : List.of(gmp, wmp)) {
      emptyGraph();
      push(JSON.writeValueAsString(first));
      push(JSON.writeValueAsString(first == gmp ? wmp : gmp));
      JsonNode typo = null;
      for (JsonNode edge : matches(50, null, "OPEN").get("edges")) {
        if (edge.get("node").get("reasons").toString().contains("one digit apart")) {
          typo = edge.get("node");
        }
      }
      decide(typo.get("id").asString(), "REJECT", "Different children: checked with both forces");
      push(JSON.writeValueAsString(corrected));
      push(JSON.writeValueAsString(btp));

      assertThat(childId("BTP", "BTP-P-1"))
          .as("with " + first.get("force").asString() + "'s record first")
          .isEqualTo(childId("GMP", "GMP-P-000451"))
          .isNotEqualTo(childId("WMP", "WMP-33-98120"));
    }
  }

  @Test
  void aDayMonthSwapIsAPossibleMatchWithItsReason() {
    List<String> lines = resource("contract/valid.ndjson").lines().toList();
    ObjectNode gmp = (ObjectNode) JSON.readTree(lines.get(0));
    ((ObjectNode) gmp.get("child")).put("dateOfBirth", "2010-03-04");
    ObjectNode swapped = (ObjectNode) JSON.readTree(lines.get(2));
    ((ObjectNode) swapped.get("child")).put("dateOfBirth", "2010-04-03");
    push(JSON.writeValueAsString(gmp) + "\n" + JSON.writeValueAsString(swapped));

    JsonNode open = matches(50, null, "OPEN");

    assertThat(open.toString()).contains("day and month swapped");
  }

  @Test
  void pagesThroughMatchesWithCursors() {
    push(resource("contract/valid.ndjson"));
    List<String> lines = resource("contract/valid.ndjson").lines().toList();
    for (int i = 0; i < 2; i++) {
      ObjectNode more = (ObjectNode) JSON.readTree(lines.get(2));
      more.put("episodeRef", "WMP-MORE-" + i);
      ((ObjectNode) more.get("associates").get(0)).put("personRef", "WMP-OTHER-" + i);
      ((ObjectNode) more.get("found")).putArray("withPeople").add("WMP-OTHER-" + i);
      ((ObjectNode) more.get("sightings").get(0)).remove("withPeople");
      push(JSON.writeValueAsString(more));
    }

    JsonNode first = matches(1, null, "OPEN");
    JsonNode second = matches(50, first.get("pageInfo").get("endCursor").asString(), "OPEN");

    int total = first.get("totalCount").asInt();
    assertThat(total).isGreaterThan(1);
    assertThat(first.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
    assertThat(second.get("edges")).hasSize(total - 1);
    assertThat(second.get("pageInfo").get("hasNextPage").asBoolean()).isFalse();
    assertThat(second.get("edges").findValuesAsString("cursor"))
        .doesNotContain(first.get("edges").get(0).get("cursor").asString());
  }

  @Test
  void refusesADecisionOnAnUnknownMatchOrWithoutAReason() {
    assertThatThrownBy(() -> decide("no-such-match", "CONFIRM", "because"))
        .isInstanceOf(FieldAccessException.class)
        .hasMessageContaining("no possible match with that id");
    assertThatThrownBy(() -> decide("no-such-match", "CONFIRM", "  "))
        .isInstanceOf(FieldAccessException.class)
        .hasMessageContaining("needs a reason");
    assertThatThrownBy(() -> matches(50, "not-a-cursor", "OPEN"))
        .isInstanceOf(FieldAccessException.class)
        .hasMessageContaining("not a cursor");
  }

  private JsonNode matches(int first, String after, String status) {
    return JSON.valueToTree(
        graphQl()
            .document(MATCHES)
            .variable("first", first)
            .variable("after", after)
            .variable("status", status)
            .retrieveSync("possibleMatches")
            .toEntity(MAP));
  }

  private JsonNode decide(String id, String decision, String reason) {
    return JSON.valueToTree(
        graphQl()
            .document(DECIDE)
            .variable("id", id)
            .variable("decision", decision)
            .variable("reason", reason)
            .retrieveSync("decideMatch")
            .toEntity(MAP));
  }

  private List<?> people() {
    return graphQl()
        .document("{ peopleOfConcern(minChildren: 1, minForces: 2) { edges { node { childCount } } } }")
        .retrieveSync("peopleOfConcern.edges")
        .toEntity(List.class);
  }
}
