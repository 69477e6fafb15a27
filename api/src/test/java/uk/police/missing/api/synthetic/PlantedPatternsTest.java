package uk.police.missing.api.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.ParameterizedTypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.police.missing.api.ApiTest;
import uk.police.missing.graph.testing.TestNeo4j;
import uk.police.missing.ingest.resolution.Keys;
import uk.police.missing.ingest.synthetic.NationalGenerator;

/**
 * The generator's planted patterns, pushed over HTTP: every planted answer comes back and no
 * decoy is merged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlantedPatternsTest extends ApiTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  NationalGenerator.Planted planted;

  @Override
  protected void emptyGraph() {
    // One load for the whole class: the tests only read.
  }

  @BeforeAll
  void load() {
    TestNeo4j.deleteEpisodeData();
    List<String> lines = new ArrayList<>();
    planted =
        new NationalGenerator()
            .generate(new NationalGenerator.Options(150, 1, 42, LocalDate.of(2025, 1, 1)), lines::add);
    for (int from = 0; from < lines.size(); from += 150) {
      JsonNode report = push(String.join("\n", lines.subList(from, Math.min(lines.size(), from + 150))));
      assertThat(report.get("totals").get("rejected").asInt())
          .as("generated records are valid: %s", report)
          .isZero();
    }
  }

  @Test
  void everyPlantedHotspotIsAPlaceOfConcernAndTheWithdrawnOneIsNot() {
    List<Map<String, Object>> hits =
        nodes(
            graphQl()
                .document(
                    "{ placesOfConcern(minChildren: 3, minForces: 2, first: 500) { edges { node {"
                        + " childCount forceCount entity { ... on Place { postcode } } } } } }"),
            "placesOfConcern");
    List<String> postcodes =
        hits.stream().map(h -> Keys.postcode((String) ((Map<?, ?>) h.get("entity")).get("postcode"))).toList();

    for (NationalGenerator.Hotspot hotspot : planted.hotspots()) {
      assertThat(postcodes).contains(Keys.postcode(hotspot.postcode()));
    }
    assertThat(postcodes).doesNotContain(Keys.postcode(planted.withdrawnHotspot().postcode()));
  }

  @Test
  void aChildRecordedByThreeForcesUnderThreeSpellingsIsOneChild() {
    for (NationalGenerator.MultiForceChild child : planted.multiForceChildren()) {
      List<Object> ids = new ArrayList<>();
      for (int i = 0; i < child.forces().size(); i++) {
        ids.add(childId(child.forces().get(i), child.personRefs().get(i)));
      }
      assertThat(ids).doesNotContainNull().containsOnly(ids.get(0));
    }
  }

  @Test
  void noDecoyIsMergedAndTheSwappedBirthDateIsAPossibleMatch() {
    String open = JSON.valueToTree(
            graphQl()
                .document("{ possibleMatches(first: 500) { edges { node { reasons entities { id } } } } }")
                .retrieveSync("possibleMatches")
                .toEntity(MAP))
        .toString();
    for (NationalGenerator.Decoy decoy : planted.decoys()) {
      Object a = childId(decoy.forceA(), decoy.refA());
      Object b = childId(decoy.forceB(), decoy.refB());
      assertThat(a).isNotEqualTo(b);
      if (decoy.swappedBirthDate()) {
        assertThat(open).contains("day and month swapped").contains(a.toString()).contains(b.toString());
      }
    }
  }

  @Test
  void everyChildWrittenTwoWaysIsAPossibleMatchOfItsKindAndNoTwinsAre() {
    JsonNode edges = JSON.valueToTree(
            graphQl()
                .document("{ possibleMatches(kind: CHILD, first: 500) { edges { node { reasons entities { id } } } } }")
                .retrieveSync("possibleMatches")
                .toEntity(MAP))
        .get("edges");
    List<List<String>> pairs = new ArrayList<>();
    for (JsonNode edge : edges) {
      pairs.add(edge.get("node").get("entities").findValuesAsString("id"));
    }
    for (NationalGenerator.NameVariant variant : planted.nameVariants()) {
      String a = childId(variant.forceA(), variant.refA());
      String b = childId(variant.forceB(), variant.refB());
      assertThat(a).as("%s is not merged without a decision", variant).isNotEqualTo(b);
      assertThat(pairs).as("%s is a possible match", variant).anyMatch(p -> p.contains(a) && p.contains(b));
    }
    assertThat(planted.nameVariants()).extracting(NationalGenerator.NameVariant::kind)
        .contains("SHORT_FORM", "TRANSLITERATION", "SLIP", "SOUND", "DAYS_APART");
    for (NationalGenerator.Twins twins : planted.twins()) {
      String a = childId(twins.forceA(), twins.refA());
      String b = childId(twins.forceB(), twins.refB());
      assertThat(a).isNotEqualTo(b);
      assertThat(pairs).as("%s are not a possible match", twins).noneMatch(p -> p.contains(a) && p.contains(b));
    }
  }

  @Test
  void theExploitersPhoneRecursAcrossForcesAndHisTwoRecordsAreAPossibleMatch() {
    List<Map<String, Object>> objects =
        nodes(
            graphQl()
                .document(
                    "{ objectsOfConcern(minChildren: 2, minForces: 2, first: 500) { edges { node {"
                        + " childCount entity { ... on Phone { number } } } } } }"),
            "objectsOfConcern");
    String matches = JSON.valueToTree(
            graphQl()
                .document("{ possibleMatches(first: 500) { edges { node { reasons entities { id } } } } }")
                .retrieveSync("possibleMatches")
                .toEntity(MAP))
        .toString();
    for (NationalGenerator.Exploiter exploiter : planted.exploiters()) {
      assertThat(objects.toString()).contains(exploiter.phone());
      assertThat(matches)
          .contains("shared phone " + exploiter.phone())
          .contains(personId(exploiter.forceA(), exploiter.refA()))
          .contains(personId(exploiter.forceB(), exploiter.refB()));
    }
  }
}
