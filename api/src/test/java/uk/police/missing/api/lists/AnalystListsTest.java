package uk.police.missing.api.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.police.missing.api.EpisodeRecords.episode;
import static uk.police.missing.api.EpisodeRecords.place;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import uk.police.missing.api.ApiTest;

/**
 * The lists an analyst starts the day with, over GraphQL on invented episodes whose answers are
 * known: episodes by where they happened, children by their episodes in a window, corridors.
 */
class AnalystListsTest extends ApiTest {

  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

  // Manchester (M1, M6) is in the Greater Manchester force area; Birmingham (B1) in the West
  // Midlands'; Leeds (LS1) in West Yorkshire's.
  static final String MANCHESTER = "M1 1AE";
  static final String SALFORD = "M6 5QT";
  static final String BIRMINGHAM = "B1 2JP";
  static final String LEEDS = "LS1 4AP";

  @Test
  void episodesFoundInOneForceAreaAndReportedByAnother() {
    push(
        String.join(
            "\n",
            episode("GMP", "GMP-A-1", "2025-03-01T10:00:00Z")
                .child("GMP-C-1", "Amberly", "Testwood", "2011-02-03")
                .missingFrom(place(SALFORD, "14 Orchard Close"))
                .found(20, place(BIRMINGHAM, "2 Wharf Road"))
                .json(),
            episode("GMP", "GMP-A-2", "2025-03-02T10:00:00Z")
                .child("GMP-C-2", "Brook", "Testwood", "2010-05-06")
                .found(20, place(MANCHESTER, "1 Market Street"))
                .json(),
            episode("WMP", "WMP-A-3", "2025-03-03T10:00:00Z")
                .child("WMP-C-3", "Cael", "Testwood", "2012-07-08")
                .found(20, place(BIRMINGHAM, "2 Wharf Road"))
                .json()));

    Map<String, Object> found =
        graphQl()
            .document(
                "{ episodes(filter: {force: [\"gmp\"], forceArea: [\"WMP\"], where: [FOUND_AT]}) {"
                    + " totalCount edges { node { episodeRef found { place { forceArea { code }"
                    + " localAuthority { name } postcodeDistrict } } } } } }")
            .retrieveSync("episodes")
            .toEntity(MAP);

    assertThat(found.get("totalCount")).isEqualTo(1);
    assertThat(found.toString()).contains("GMP-A-1").doesNotContain("GMP-A-2").doesNotContain("WMP-A-3");
    // Each way an episode wrote a place says where it is.
    assertThat(found.toString()).contains("forceArea={code=WMP}", "name=Birmingham", "postcodeDistrict=B1");
    // Anywhere in the West Midlands area (no 'where'): the same GMP episode, by where it was found.
    assertThat(episodeRefs("{force: [\"GMP\"], forceArea: [\"WMP\"]}")).containsExactly("GMP-A-1");
    // Where it went missing from: Salford, in Greater Manchester's area and Salford's authority.
    assertThat(episodeRefs("{localAuthority: [\"Salford City Council\"], where: [MISSING_FROM]}"))
        .containsExactly("GMP-A-1");
  }

  @Test
  void childrenMissingThreeTimesInNinetyDaysCountAcrossForces() {
    push(
        String.join(
            "\n",
            // One child recorded by GMP twice and by WMP once, within 90 days: three episodes.
            episode("GMP", "GMP-R-1", "2025-04-01T10:00:00Z").child("GMP-C-9", "Dario", "Testfield", "2010-01-01").json(),
            episode("GMP", "GMP-R-2", "2025-05-01T10:00:00Z").child("GMP-C-9", "Dario", "Testfield", "2010-01-01").json(),
            episode("WMP", "WMP-R-3", "2025-06-01T10:00:00Z").child("WMP-C-9", "DARIO", "TESTFIELD", "2010-01-01").json(),
            // Three episodes, but spread over 150 days: two in the window.
            episode("GMP", "GMP-S-1", "2025-01-01T10:00:00Z").child("GMP-C-8", "Esme", "Testfield", "2011-01-01").json(),
            episode("GMP", "GMP-S-2", "2025-05-10T10:00:00Z").child("GMP-C-8", "Esme", "Testfield", "2011-01-01").json(),
            episode("GMP", "GMP-S-3", "2025-06-10T10:00:00Z").child("GMP-C-8", "Esme", "Testfield", "2011-01-01").json(),
            // Three in the window, but a West Yorkshire child GMP holds no record of.
            episode("WYO", "WYO-T-1", "2025-04-10T10:00:00Z").child("WYO-C-7", "Fenn", "Testfield", "2012-01-01").json(),
            episode("WYO", "WYO-T-2", "2025-05-10T10:00:00Z").child("WYO-C-7", "Fenn", "Testfield", "2012-01-01").json(),
            episode("WYO", "WYO-T-3", "2025-06-10T10:00:00Z").child("WYO-C-7", "Fenn", "Testfield", "2012-01-01").json()));

    List<Map<String, Object>> gmp =
        nodes(
            graphQl()
                .document(
                    "{ children(filter: {force: [\"GMP\"], until: \"2025-06-20T00:00:00Z\"},"
                        + " minEpisodes: 3, within: 90) { totalCount edges { node { episodeCount"
                        + " forces { code } child { records { personRef } }"
                        + " episodes { episodeRef } } } } }"),
            "children");

    assertThat(gmp).hasSize(1);
    assertThat(gmp.get(0).get("episodeCount")).isEqualTo(3);
    assertThat(gmp.get(0).toString())
        .contains("GMP-R-1", "GMP-R-2", "WMP-R-3", "GMP-C-9", "WMP-C-9")
        .doesNotContain("GMP-S-");

    List<Map<String, Object>> national =
        nodes(
            graphQl()
                .document(
                    "{ children(filter: {until: \"2025-06-20T00:00:00Z\"}, minEpisodes: 3, within: 90,"
                        + " sort: LAST_REPORTED) { edges { node { episodeCount lastReportedAt } } } }"),
            "children");
    assertThat(national).hasSize(2);
    assertThat(national.get(0).get("lastReportedAt")).isEqualTo("2025-06-10T10:00:00Z");
  }

  @Test
  void corridorsCountChildrenCarriedFromOneAreaToAnother() {
    push(
        String.join(
            "\n",
            episode("GMP", "GMP-K-1", "2025-02-01T10:00:00Z")
                .child("GMP-C-21", "Gale", "Testmoor", "2010-03-03")
                .missingFrom(place(SALFORD, "3 Orchard Close"))
                .found(30, place(BIRMINGHAM, "9 Canal Street"))
                .json(),
            episode("GMP", "GMP-K-2", "2025-03-01T10:00:00Z")
                .child("GMP-C-21", "Gale", "Testmoor", "2010-03-03")
                .missingFrom(place(SALFORD, "3 Orchard Close"))
                .found(30, place(BIRMINGHAM, "9 Canal Street"))
                .json(),
            episode("GMP", "GMP-K-3", "2025-03-05T10:00:00Z")
                .child("GMP-C-22", "Hollis", "Testmoor", "2011-04-04")
                .missingFrom(place(MANCHESTER, "5 Market Street"))
                .found(30, place(LEEDS, "7 Park Row"))
                .json(),
            episode("GMP", "GMP-K-4", "2025-03-06T10:00:00Z")
                .child("GMP-C-23", "Ivo", "Testmoor", "2012-05-05")
                .missingFrom(place(MANCHESTER, "6 Market Street"))
                .found(30, place(MANCHESTER, "8 Market Street"))
                .json()));

    List<Map<String, Object>> flows =
        nodes(
            graphQl()
                .document(
                    "{ corridors(filter: {force: [\"GMP\"]}) { totalCount edges { node {"
                        + " from { code name } to { code } episodeCount childCount"
                        + " children { id } episodes { episodeRef } } } } }"),
            "corridors");

    assertThat(flows).hasSize(2);
    assertThat(flows.get(0).toString()).contains("code=GMP", "code=WMP", "GMP-K-1", "GMP-K-2");
    assertThat(flows.get(0).get("episodeCount")).isEqualTo(2);
    assertThat(flows.get(0).get("childCount")).isEqualTo(1);
    assertThat(flows.get(1).toString()).contains("code=WYO", "GMP-K-3");

    List<Map<String, Object>> withinToo =
        nodes(
            graphQl().document("{ corridors(filter: {force: [\"GMP\"]}, includeWithin: true) { edges { node { episodeCount } } } }"),
            "corridors");
    assertThat(withinToo).hasSize(3);

    List<Map<String, Object>> authorities =
        nodes(
            graphQl()
                .document(
                    "{ corridors(filter: {force: [\"GMP\"]}, level: LOCAL_AUTHORITY) { edges { node {"
                        + " from { name level } to { name } episodeCount } } } }"),
            "corridors");
    assertThat(authorities.toString()).contains("name=Salford", "name=Birmingham", "name=Manchester", "name=Leeds");
  }

  private List<String> episodeRefs(String filter) {
    return nodes(graphQl().document("{ episodes(filter: " + filter + ") { edges { node { episodeRef } } } }"), "episodes")
        .stream()
        .map(n -> (String) n.get("episodeRef"))
        .toList();
  }
}
