package uk.police.missing.api.intelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.police.missing.api.EpisodeRecords.episode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import uk.police.missing.api.ApiTest;

/**
 * An adult one force knows by name and another only by his phone: linked to children in two
 * forces before anyone confirms the match, and the phone says who used it and where.
 */
class ProbablePeopleTest extends ApiTest {

  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

  private void adultKnownOnlyByPhoneInOneForce() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      lines.add(
          episode("GMP", "GMP-X-E" + i, "2025-03-0" + (i + 1) + "T10:00:00Z")
              .child("GMP-XC-" + i, "Rowan" + (char) ('a' + i), "Testcott", "2010-0" + (i + 1) + "-01")
              .associate("GMP-X-1", "SUSPECTED_EXPLOITER", "Dale", "Testington", List.of("07700 900777"))
              .json());
      lines.add(
          episode("WMP", "WMP-X-E" + i, "2025-04-0" + (i + 1) + "T10:00:00Z")
              .child("WMP-XC-" + i, "Sage" + (char) ('a' + i), "Testcott", "2011-0" + (i + 1) + "-01")
              .associate("WMP-X-9", "SUSPECTED_EXPLOITER", null, null, List.of("+44 7700 900777"))
              .json());
    }
    push(String.join("\n", lines));
  }

  @Test
  void anAdultKnownOnlyByPhoneCountsOnceAsAProbablePerson() {
    adultKnownOnlyByPhoneInOneForce();

    assertThat(people(false)).isEmpty();
    List<Map<String, Object>> probable = people(true);

    assertThat(probable).hasSize(1);
    Map<String, Object> hit = probable.get(0);
    assertThat(hit.get("probable")).isEqualTo(true);
    assertThat(hit.get("childCount")).isEqualTo(4);
    assertThat(hit.get("forceCount")).isEqualTo(2);
    assertThat((List<?>) hit.get("members")).hasSize(2);
    assertThat(hit.get("probableBecause")).isEqualTo(List.of("shared phone +447700900777"));
    assertThat(hit.toString())
        .contains("GMP-X-E0", "GMP-X-E1", "WMP-X-E0", "WMP-X-E1", "roles=[SUSPECTED_EXPLOITER]")
        .contains("via=[GMP GMP-X-1]", "via=[WMP WMP-X-9]");
  }

  @Test
  void aRejectedPairIsNeverPutTogetherThroughAThirdRecord() {
    adultKnownOnlyByPhoneInOneForce();
    push(
        episode("WYO", "WYO-X-E0", "2025-05-01T10:00:00Z")
            .child("WYO-XC-0", "Tamsin", "Testcott", "2012-01-01")
            .associate("WYO-X-5", "CONTACT", null, null, List.of("07700900777"))
            .json());
    String wmp = personId("WMP", "WMP-X-9");
    String wyo = personId("WYO", "WYO-X-5");
    String pair =
        nodes(
                graphQl().document("{ possibleMatches(kind: PERSON, reason: \"PHONE\") { edges { node { id entities { id } } } } }"),
                "possibleMatches")
            .stream()
            .filter(m -> m.toString().contains(wmp) && m.toString().contains(wyo))
            .map(m -> (String) m.get("id"))
            .findFirst()
            .orElseThrow();
    graphQl()
        .document("mutation($id: ID!) { decideMatch(id: $id, decision: REJECT, reason: \"different people\") { status } }")
        .variable("id", pair)
        .executeSync();

    List<Map<String, Object>> probable = people(true);

    assertThat(probable).hasSize(1);
    assertThat(probable.get(0).toString()).doesNotContain(wyo);
    assertThat(probable.get(0).get("childCount")).isEqualTo(4);
  }

  @Test
  void aPhoneSaysWhoUsedItAndInWhichEpisodes() {
    adultKnownOnlyByPhoneInOneForce();

    List<Map<String, Object>> objects =
        nodes(
            graphQl()
                .document(
                    "{ objectsOfConcern(minChildren: 2, minForces: 2) { edges { node { entity {"
                        + " ... on Phone { number usedBy { roles records { force { code } personRef } }"
                        + " episodes { force { code } episodeRef via roles child { id } episode { status } } } } } } } }"),
            "objectsOfConcern");

    assertThat(objects).hasSize(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> phone = (Map<String, Object>) objects.get(0).get("entity");
    assertThat(phone.get("number")).isEqualTo("+447700900777");
    assertThat(phone.get("usedBy").toString()).contains("GMP-X-1", "WMP-X-9", "SUSPECTED_EXPLOITER");
    assertThat((List<?>) phone.get("episodes")).hasSize(4);
    assertThat(phone.get("episodes").toString()).contains("via=[GMP-X-1]", "via=[WMP-X-9]", "roles=[LINKED_PHONE]");
  }

  @Test
  void possibleMatchesAreFilteredByKindForceConfidenceAndReason() {
    adultKnownOnlyByPhoneInOneForce();

    assertThat(matches("kind: PERSON, force: [\"wmp\"], minConfidence: 0.5, reason: \"phone\"")).isEqualTo(1);
    assertThat(matches("kind: CHILD")).isEqualTo(0);
    assertThat(matches("force: [\"WYO\"]")).isEqualTo(0);
    assertThat(matches("minConfidence: 0.99")).isEqualTo(0);
    assertThat(matches("reason: \"street name\"")).isEqualTo(0);
  }

  private int matches(String arguments) {
    return (int)
        graphQl()
            .document("{ possibleMatches(" + arguments + ") { totalCount edges { node { childCount } } } }")
            .retrieveSync("possibleMatches.totalCount")
            .toEntity(Integer.class);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> people(boolean includeProbable) {
    return nodes(
        graphQl()
            .document(
                "query($p: Boolean) { peopleOfConcern(minChildren: 2, minForces: 2, includeProbable: $p) {"
                    + " edges { node { probable childCount forceCount probableBecause members { id }"
                    + " evidence { episodeRef via roles } } } } }")
            .variable("p", includeProbable),
        "peopleOfConcern");
  }
}
