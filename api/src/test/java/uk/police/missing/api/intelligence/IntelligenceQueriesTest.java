package uk.police.missing.api.intelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.client.FieldAccessException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.police.missing.api.ApiTest;

/** Cross-force questions over GraphQL, on the contract's examples and small planted patterns. */
class IntelligenceQueriesTest extends ApiTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {};

  @Test
  void twoForcesReferencesToKaylaGiveOneChildWithOneTimelineAcrossForces() {
    push(resource("contract/valid.ndjson"));

    Map<String, Object> gmp = childByForceRef("GMP", "GMP-P-000451");
    Map<String, Object> wmp = childByForceRef("WMP", "WMP-33-98120");

    assertThat(gmp.get("id")).isEqualTo(wmp.get("id"));
    JsonNode child = JSON.valueToTree(gmp);
    assertThat(child.get("forces").findValuesAsString("code")).containsExactlyInAnyOrder("GMP", "WMP");
    assertThat(child.get("alsoKnownAs").values()).extracting(JsonNode::asString).contains("Kay");
    assertThat(child.get("timeline").findValuesAsString("episodeRef"))
        .containsExactly("WMP-MIS-26-4410", "GMP/2026/0113");
    assertThat(child.get("timeline").get(1).get("returnInterview").get("status").asString())
        .isEqualTo("COMPLETED");
    Map<String, Object> byId =
        graphQl()
            .document("query($id: ID!) { child(id: $id) { id records { personRef } } }")
            .variable("id", gmp.get("id"))
            .retrieveSync("child")
            .toEntity(MAP);
    assertThat(JSON.valueToTree(byId).get("records").findValuesAsString("personRef"))
        .containsExactlyInAnyOrder("GMP-P-000451", "WMP-33-98120");
  }

  @Test
  void theHotelAndThePhoneRecurAcrossTwoForces() {
    push(resource("contract/valid.ndjson"));

    JsonNode places = JSON.valueToTree(places(1, 2));
    JsonNode objects =
        JSON.valueToTree(
            nodes(
                graphQl()
                    .documentName("objectsOfConcern")
                    .variable("minChildren", 1)
                    .variable("minForces", 2),
                "objectsOfConcern"));

    assertThat(places).hasSize(1);
    assertThat(places.get(0).get("entity").get("postcode").asString()).isIn("B1 2JP", "b12jp");
    assertThat(places.get(0).get("forceCount").asInt()).isEqualTo(2);
    assertThat(places.get(0).get("childCount").asInt()).isEqualTo(1);
    assertThat(objects).hasSize(1);
    assertThat(objects.get(0).get("entity").get("number").asString()).isEqualTo("+447700900461");
    assertThat(objects.get(0).get("forces").findValuesAsString("code"))
        .containsExactlyInAnyOrder("GMP", "WMP");
  }

  @Test
  void findsAPlantedHotspotWrittenDifferentlyByEachForceAndNotASingleForcesPlace() {
    List<String> lines = resource("contract/valid.ndjson").lines().toList();
    StringBuilder body = new StringBuilder();
    String[][] hotspot = {{"GMP", "Unit 4, 10 Mill St"}, {"WMP", "UNIT 4 10 MILL STREET"}, {"GMP", "unit 4, 10 mill street."}};
    for (int i = 0; i < hotspot.length; i++) {
      body.append(record(lines, hotspot[i][0], "HOT-" + i, "HOT-CHILD-" + i, "2011-01-0" + (i + 1), "M4 1HS", hotspot[i][1])).append('\n');
    }
    // A decoy: three children found at one place, but all by one force.
    for (int i = 0; i < 3; i++) {
      body.append(record(lines, "WMP", "ONE-" + i, "ONE-CHILD-" + i, "2012-02-0" + (i + 1), "B9 9ZZ", "1 Local Road")).append('\n');
    }
    push(body.toString());

    JsonNode hits = JSON.valueToTree(places(3, 2));

    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).get("childCount").asInt()).isEqualTo(3);
    assertThat(hits.get(0).get("episodeCount").asInt()).isEqualTo(3);
    assertThat(hits.get(0).get("children")).hasSize(3);
  }

  @Test
  void aWithdrawalRemovesAHotspotThatOnlyTheWithdrawnEvidenceSupported() {
    List<String> lines = resource("contract/valid.ndjson").lines().toList();
    push(String.join("\n", lines));
    assertThat(places(1, 2)).hasSize(1);
    push(withdrawn(lines.get(1), 3));

    assertThat(places(1, 2)).isEmpty();
  }

  @Test
  void aVehicleShowsTheMakeModelAndColourLastRecordedWhateverOrderTheyArrivedIn() {
    List<String> lines = resource("contract/valid.ndjson").lines().toList();
    // WMP's record names AB12 CDE twice: bare on the episode, and as a black Audi on an associate.
    String may = lines.get(2);
    String april = sameVehicle(lines.get(2), "WMP-VEH-APR", "2026-04-01T10:00:00Z", "Ford", "Focus", "Silver");
    String june = sameVehicle(lines.get(2), "WMP-VEH-JUN", "2026-06-01T10:00:00Z", null, null, "Blue");

    push(may);
    push(april);
    assertThat(vehicle()).as("May is later than April, though April arrived last")
        .containsEntry("make", "Audi").containsEntry("colour", "Black").containsEntry("model", "Focus");

    push(june);
    assertThat(vehicle()).as("June gives only a colour")
        .containsEntry("make", "Audi").containsEntry("colour", "Blue");
  }

  // A record of the same child and vehicle reported at another time, the vehicle on the episode
  // with the details given (null: not given) and none on the associate.
  private static String sameVehicle(
      String line, String ref, String reportedAt, String make, String model, String colour) {
    ObjectNode r = (ObjectNode) JSON.readTree(line);
    r.put("episodeRef", ref);
    r.put("reportedAt", reportedAt);
    String later =
        java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
            java.time.OffsetDateTime.parse(reportedAt).plusHours(2));
    ((ObjectNode) r.get("risk")).put("assessedAt", later);
    ((ObjectNode) r.get("found")).put("at", later);
    r.remove("sightings");
    ObjectNode vehicle = r.putArray("vehicles").addObject();
    vehicle.put("registration", "AB12 CDE");
    if (make != null) {
      vehicle.put("make", make);
    }
    if (model != null) {
      vehicle.put("model", model);
    }
    vehicle.put("colour", colour);
    r.get("associates").forEach(a -> ((ObjectNode) a).remove("vehicles"));
    return JSON.writeValueAsString(r);
  }

  private Map<String, Object> vehicle() {
    List<Map<String, Object>> hits =
        nodes(
            graphQl()
                .document(
                    "{ objectsOfConcern(minChildren: 1, minForces: 1) { edges { node { entity {"
                        + " __typename ... on Vehicle { registration make model colour } } } } } }"),
            "objectsOfConcern");
    @SuppressWarnings("unchecked")
    var vehicles =
        hits.stream()
            .map(h -> (Map<String, Object>) h.get("entity"))
            .filter(e -> "Vehicle".equals(e.get("__typename")))
            .toList();
    assertThat(vehicles).hasSize(1);
    return vehicles.get(0);
  }

  @Test
  void refusesAPageSizeBeyondTheCap() {
    assertThatThrownBy(
            () ->
                graphQl()
                    .document("{ placesOfConcern(first: 1000000) { totalCount } }")
                    .retrieveSync("placesOfConcern")
                    .toEntity(LIST))
        .isInstanceOf(FieldAccessException.class)
        .hasMessageContaining("first must be between 1 and 500");
  }

  // A threshold left out takes its default; one sent as null is refused by validation before
  // anything runs, naming the argument.
  @ParameterizedTest
  @ValueSource(
      strings = {
        "placesOfConcern(minChildren: null)",
        "peopleOfConcern(minForces: null)",
        "peopleOfConcern(includeProbable: null)",
        "objectsOfConcern(minChildren: null)",
        "corridors(includeWithin: null)"
      })
  void refusesAnExplicitNullThresholdNamingTheArgument(String call) {
    String argument = call.substring(call.indexOf('(') + 1, call.indexOf(':'));
    assertThatThrownBy(
            () ->
                graphQl()
                    .document("{ " + call + " { totalCount } }")
                    .retrieveSync(call.substring(0, call.indexOf('(')))
                    .toEntity(Object.class))
        .hasMessageContaining(argument)
        .hasMessageNotContaining("INTERNAL_ERROR");
  }

  private static String record(
      List<String> lines, String force, String ref, String childRef, String dob, String postcode, String line) {
    ObjectNode r = (ObjectNode) JSON.readTree(lines.get(2));
    r.put("force", force);
    r.put("episodeRef", ref);
    ObjectNode child = (ObjectNode) r.get("child");
    child.put("personRef", childRef);
    child.put("givenName", "Planted" + ref.replace("-", ""));
    child.put("dateOfBirth", dob);
    ObjectNode place = (ObjectNode) r.get("found").get("place");
    place.put("postcode", postcode);
    place.putArray("addressLines").add(line);
    r.remove("sightings");
    r.remove("vehicles");
    r.remove("associates");
    ((ObjectNode) r.get("found")).remove("withPeople");
    return JSON.writeValueAsString(r);
  }

  private List<Map<String, Object>> places(int minChildren, int minForces) {
    return nodes(
        graphQl()
            .documentName("placesOfConcern")
            .variable("minChildren", minChildren)
            .variable("minForces", minForces),
        "placesOfConcern");
  }

  private Map<String, Object> childByForceRef(String force, String personRef) {
    return graphQl()
        .documentName("childByForceRef")
        .variable("force", force)
        .variable("personRef", personRef)
        .retrieveSync("childByForceRef")
        .toEntity(MAP);
  }
}
