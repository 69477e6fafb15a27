package uk.police.missing.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.police.missing.api.ApiTest;

/**
 * The contract's place rules over GraphQL: the same UPRN, or the same postcode with the same
 * first address line or name, is one place, however many ways forces write it; places within
 * about 25 metres with compatible names are a possible match, and an analyst's decision on one
 * beats the automatic rules.
 */
class PlaceIdentityTest extends ApiTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

  // About 14.5 m north of SUNRISE, and about 60 m north of it.
  static final double LAT = 53.48;
  static final double LON = -2.24;
  static final double LAT_15_M = 53.48013;
  static final double LAT_60_M = 53.48054;

  @Test
  void aUprnOnlyMentionAndAnAddressWithTheSameUprnInAnotherForceAreOnePlace() {
    push(episode("GMP", "GMP-PL-1", place("100000000042", null, null, null))
        + "\n" + episode("WMP", "WMP-PL-1", place("100000000042", "M4 1HS", "12 High Street", null)));

    assertThat(foundPlaceId("GMP", "GMP-PL-1")).isEqualTo(foundPlaceId("WMP", "WMP-PL-1"));
  }

  @Test
  void oneAddressWrittenWithAnAbbreviationAndWithPunctuationIsOnePlace() {
    push(episode("GMP", "GMP-PL-1", place(null, "M4 1HS", "12 High St", null))
        + "\n" + episode("WMP", "WMP-PL-1", place(null, "m41hs", "12 high street.", null)));

    assertThat(foundPlaceId("GMP", "GMP-PL-1")).isEqualTo(foundPlaceId("WMP", "WMP-PL-1"));
  }

  @Test
  void otherFirstAddressLinesInOnePostcodeAreTwoPlaces() {
    push(episode("GMP", "GMP-PL-1", place(null, "M4 1HS", "12 High Street", null))
        + "\n" + episode("WMP", "WMP-PL-1", place(null, "M4 1HS", "14 High Street", null)));

    assertThat(foundPlaceId("GMP", "GMP-PL-1")).isNotEqualTo(foundPlaceId("WMP", "WMP-PL-1"));
  }

  @Test
  void aMentionBridgingTwoPlacesJoinsThemAndItsWithdrawalSplitsThemAgain() {
    push(episode("GMP", "GMP-PL-1", place("100000000042", null, null, null))
        + "\n" + episode("WMP", "WMP-PL-1", place(null, "M4 1HS", "5 Dock Lane", null)));
    assertThat(foundPlaceId("WMP", "WMP-PL-1")).isNotEqualTo(foundPlaceId("GMP", "GMP-PL-1"));

    String bridge = episode("LAN", "LAN-PL-1", place("100000000042", "M4 1HS", "5 Dock Ln", null));
    push(bridge);

    String joined = foundPlaceId("GMP", "GMP-PL-1");
    assertThat(foundPlaceId("WMP", "WMP-PL-1")).isEqualTo(joined);
    assertThat(foundPlaceId("LAN", "LAN-PL-1")).isEqualTo(joined);

    push(withdrawn(bridge, 2));

    assertThat(foundPlaceId("WMP", "WMP-PL-1")).isNotEqualTo(foundPlaceId("GMP", "GMP-PL-1"));
  }

  @Test
  void placesFifteenMetresApartWithCompatibleNamesAreAPossibleMatch() {
    push(episode("GMP", "GMP-PL-1", located(null, "M4 1AA", "Sunrise Hotel", LAT, LON))
        + "\n" + episode("WMP", "WMP-PL-1", located(null, "M4 1AB", "Sunrise Hotl", LAT_15_M, LON)));

    JsonNode open = matches("OPEN");

    assertThat(open.get("totalCount").asInt()).isEqualTo(1);
    JsonNode match = open.get("edges").get(0).get("node");
    assertThat(match.get("kind").asString()).isEqualTo("PLACE");
    assertThat(match.get("reasons").values())
        .extracting(JsonNode::asString)
        .containsExactly("14 m apart", "names 'SUNRISE HOTEL' and 'SUNRISE HOTL' are similar");
    assertThat(match.get("confidence").asDouble()).isBetween(0.7, 0.9);
    assertThat(match.get("entities").findValuesAsString("__typename")).containsOnly("Place");
    assertThat(match.get("entities").findValuesAsString("id"))
        .containsExactlyInAnyOrder(foundPlaceId("GMP", "GMP-PL-1"), foundPlaceId("WMP", "WMP-PL-1"));
  }

  @Test
  void placesSixtyMetresApartOrWithIncompatibleNamesAreNotAPossibleMatch() {
    push(episode("GMP", "GMP-PL-1", located(null, "M4 1AA", "Sunrise Hotel", LAT, LON))
        + "\n" + episode("WMP", "WMP-PL-1", located(null, "M4 1AB", "Sunrise Hotl", LAT_60_M, LON))
        + "\n" + episode("LAN", "LAN-PL-1", located(null, "M4 1AC", "Canal View Hotel", LAT_15_M, LON))
        + "\n" + episode("MET", "MET-PL-1", located(null, "M4 1AD", "Sunset Hotel", LAT, -2.23985)));

    assertThat(matches("OPEN").get("totalCount").asInt()).isZero();
  }

  @Test
  void aConfirmedPlaceMatchJoinsTheTwoPlacesAndSurvivesALaterIngest() {
    String gmp = episode("GMP", "GMP-PL-1", located(null, "M4 1AA", "Sunrise Hotel", LAT, LON));
    String wmp = episode("WMP", "WMP-PL-1", located(null, "M4 1AB", "Sunrise Hotl", LAT_15_M, LON));
    push(gmp + "\n" + wmp);
    String id = matches("OPEN").get("edges").get(0).get("node").get("id").asString();

    JsonNode decided = decide(id, "CONFIRM", "Same hotel: the postcode on one record is mistyped");

    assertThat(decided.get("status").asString()).isEqualTo("CONFIRMED");
    assertThat(decided.get("entities")).hasSize(1);
    String joined = foundPlaceId("GMP", "GMP-PL-1");
    assertThat(foundPlaceId("WMP", "WMP-PL-1")).isEqualTo(joined);
    assertThat(decided.get("entities").get(0).get("id").asString()).isEqualTo(joined);

    // A later version of one episode, and a replay of the other, keep the decision.
    ObjectNode later = (ObjectNode) JSON.readTree(wmp);
    later.put("recordVersion", 2);
    later.put("status", "CLOSED");
    push(JSON.writeValueAsString(later) + "\n" + gmp);

    assertThat(foundPlaceId("GMP", "GMP-PL-1")).isEqualTo(foundPlaceId("WMP", "WMP-PL-1"));
    assertThat(matches("CONFIRMED").get("totalCount").asInt()).isEqualTo(1);
    assertThat(matches("OPEN").get("totalCount").asInt()).isZero();
  }

  @Test
  void aRejectedPlaceMatchKeepsThePlacesApartEvenWhenLaterMentionsShareAFirmKeyWithBoth() {
    push(episode("GMP", "GMP-PL-1", located(null, "M4 1AA", "Sunrise Hotel", LAT, LON))
        + "\n" + episode("WMP", "WMP-PL-1", located("100000000099", "M4 1AB", "Sunrise Hotl", LAT_15_M, LON)));
    String id = matches("OPEN").get("edges").get(0).get("node").get("id").asString();
    decide(id, "REJECT", "Two hotels: checked on a visit");

    // The same UPRN as the WMP record, and the postcode and name of the GMP record.
    push(episode("LAN", "LAN-PL-1", place("100000000099", "M4 1AA", null, "Sunrise Hotel")));

    assertThat(foundPlaceId("GMP", "GMP-PL-1")).isNotEqualTo(foundPlaceId("WMP", "WMP-PL-1"));
    assertThat(foundPlaceId("LAN", "LAN-PL-1"))
        .isIn(foundPlaceId("GMP", "GMP-PL-1"), foundPlaceId("WMP", "WMP-PL-1"));
    assertThat(matches("REJECTED").get("totalCount").asInt()).isEqualTo(1);
  }

  // An episode of the example WMP record's shape, found at the given place, about a child of its
  // own; people, phones and vehicles left out so that only places are compared.
  private static String episode(String force, String episodeRef, ObjectNode foundPlace) {
    ObjectNode r = (ObjectNode) JSON.readTree(resource("contract/valid.ndjson").lines().toList().get(2));
    r.put("force", force);
    r.put("episodeRef", episodeRef);
    ((ObjectNode) r.get("child")).put("personRef", episodeRef + "-CHILD");
    ObjectNode found = (ObjectNode) r.get("found");
    found.set("place", foundPlace);
    found.remove("withPeople");
    r.remove("sightings");
    r.remove("associates");
    r.remove("vehicles");
    return JSON.writeValueAsString(r);
  }

  private static ObjectNode place(String uprn, String postcode, String line, String name) {
    ObjectNode place = JSON.createObjectNode();
    if (uprn != null) {
      place.put("uprn", uprn);
    }
    if (postcode != null) {
      place.put("postcode", postcode);
    }
    if (line != null) {
      place.putArray("addressLines").add(line);
    }
    if (name != null) {
      place.put("name", name);
    }
    place.put("kind", "HOTEL");
    return place;
  }

  private static ObjectNode located(String uprn, String postcode, String name, double lat, double lon) {
    ObjectNode place = place(uprn, postcode, null, name);
    place.putObject("geo").put("lat", lat).put("lon", lon);
    return place;
  }

  private String foundPlaceId(String force, String episodeRef) {
    Map<String, Object> episode =
        graphQl()
            .documentName("foundPlace")
            .variable("force", force)
            .variable("episodeRef", episodeRef)
            .retrieveSync("episode")
            .toEntity(MAP);
    return JSON.valueToTree(episode).get("found").get("place").get("id").asString();
  }

  private JsonNode matches(String status) {
    return JSON.valueToTree(
        graphQl()
            .documentName("possibleMatches")
            .variable("first", 50)
            .variable("status", status)
            .retrieveSync("possibleMatches")
            .toEntity(MAP));
  }

  private JsonNode decide(String id, String decision, String reason) {
    return JSON.valueToTree(
        graphQl()
            .documentName("decideMatch")
            .variable("id", id)
            .variable("decision", decision)
            .variable("reason", reason)
            .retrieveSync("decideMatch")
            .toEntity(MAP));
  }
}
