package uk.police.missing.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.police.missing.api.ApiTest;

/** The same child recorded by two forces is one child; children who only share a name are not. */
class CrossForceIdentityTest extends ApiTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void twoForcesRecordsOfKaylaResolveToOneChild() {
    push(resource("contract/valid.ndjson"));

    assertThat(episodeChildId("WMP", "WMP-MIS-26-4410")).isEqualTo(episodeChildId("GMP", "GMP/2026/0113"));
  }

  @Test
  void theHotelWrittenTwoWaysIsOnePlaceAndThePhoneOneEntity() {
    push(resource("contract/valid.ndjson"));

    assertThat(foundPlaceId("WMP", "WMP-MIS-26-4410")).isEqualTo(foundPlaceId("GMP", "GMP/2026/0113"));
    assertThat(count("MATCH (p:Phone {number: '+447700900461'}) RETURN count(p)")).isEqualTo(1);
    assertThat(
            count(
                "MATCH (p:Phone {number: '+447700900461'})<-[:LINKED_PHONE]-(e:MissingEpisode)"
                    + " RETURN count(DISTINCT e.force)"))
        .isEqualTo(2);
  }

  @Test
  void aChildWhoOnlySharesANameWithAnotherStaysApart() {
    List<String> lines = resource("contract/valid.ndjson").lines().toList();
    ObjectNode decoy = (ObjectNode) JSON.readTree(lines.get(2));
    decoy.put("episodeRef", "WMP-DECOY-1");
    ((ObjectNode) decoy.get("child")).put("personRef", "WMP-DECOY-CHILD");
    ((ObjectNode) decoy.get("child")).put("dateOfBirth", "2011-02-03");
    push(lines.get(0) + "\n" + JSON.writeValueAsString(decoy));

    assertThat(episodeChildId("WMP", "WMP-DECOY-1")).isNotEqualTo(episodeChildId("GMP", "GMP/2026/0113"));
  }

  @Test
  void aCorrectedDateOfBirthSplitsTheChildAgain() {
    List<String> lines = resource("contract/valid.ndjson").lines().toList();
    push(String.join("\n", lines));
    ObjectNode corrected = (ObjectNode) JSON.readTree(lines.get(2));
    corrected.put("recordVersion", 2);
    ((ObjectNode) corrected.get("child")).put("dateOfBirth", "2010-09-01");

    push(JSON.writeValueAsString(corrected));

    assertThat(episodeChildId("WMP", "WMP-MIS-26-4410")).isNotEqualTo(episodeChildId("GMP", "GMP/2026/0113"));
    assertThat(count("MATCH (c:Child) RETURN count(c)")).isEqualTo(2);
  }

  @Test
  void aRecordThatOnlyWithdrawnEpisodesNameNoLongerJoinsAChild() {
    List<String> lines = resource("contract/valid.ndjson").lines().toList();
    push(String.join("\n", lines));
    push(withdrawn(lines.get(2), 2));

    assertThat(episodeChildId("WMP", "WMP-MIS-26-4410")).isNotEqualTo(episodeChildId("GMP", "GMP/2026/0113"));
    assertThat(count("MATCH (k:IdentityKey) WHERE NOT EXISTS { (k)<-[:HAS_KEY]-() } RETURN count(k)")).isZero();
  }

  @Test
  void theSamePncIdJoinsRecordsWhateverTheName() {
    List<String> lines = resource("contract/valid.ndjson").lines().toList();
    ObjectNode gmp = (ObjectNode) JSON.readTree(lines.get(0));
    ((ObjectNode) gmp.get("child")).put("pncId", "10/123456A");
    ObjectNode other = (ObjectNode) JSON.readTree(lines.get(2));
    other.put("episodeRef", "WMP-PNC-1");
    ObjectNode child = (ObjectNode) other.get("child");
    child.put("personRef", "WMP-PNC-CHILD");
    child.put("givenName", "Kay");
    child.put("familyName", "Smithfield");
    child.put("pncId", "10/123456A");

    push(JSON.writeValueAsString(gmp) + "\n" + JSON.writeValueAsString(other));

    assertThat(episodeChildId("WMP", "WMP-PNC-1")).isEqualTo(episodeChildId("GMP", "GMP/2026/0113"));
  }

  private String episodeChildId(String force, String episodeRef) {
    return (String) episode(force, episodeRef, "child { id }").get("child").get("id");
  }

  private String foundPlaceId(String force, String episodeRef) {
    return (String) ((Map<?, ?>) episode(force, episodeRef, "found { place { id } }").get("found").get("place")).get("id");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Map<String, Object>> episode(String force, String episodeRef, String fields) {
    return graphQl()
        .document(
            "query($f: String!, $r: String!) { episode(force: $f, episodeRef: $r) { " + fields + " } }")
        .variable("f", force)
        .variable("r", episodeRef)
        .retrieveSync("episode")
        .toEntity(Map.class);
  }
}
