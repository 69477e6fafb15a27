package uk.police.missing.api.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.police.missing.api.EpisodeRecords.episode;
import static uk.police.missing.api.EpisodeRecords.place;
import static uk.police.missing.api.EpisodeRecords.placeAt;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.FieldAccessException;
import uk.police.missing.api.ApiTest;

/**
 * Places know their area and how every force wrote them, and are found by postcode, words and
 * distance; places of concern can be asked for one force's area.
 */
class PlaceSearchTest extends ApiTest {

  // The hotel as three forces write it: each its own way, all one place.
  private void hotel() {
    push(
        String.join(
            "\n",
            episode("GMP", "GMP-H-1", "2025-02-01T10:00:00Z")
                .child("GMP-C-31", "Mira", "Testgate", "2010-01-02")
                .found(12, place("B1 2JP", "Canal View Hotel").put("town", "Birmingham"))
                .json(),
            episode("WYO", "WYO-H-2", "2025-02-02T10:00:00Z")
                .child("WYO-C-32", "Nell", "Testgate", "2011-01-02")
                .found(12, place("b12jp", "CANAL VIEW HOTEL"))
                .json(),
            episode("WMP", "WMP-H-3", "2025-02-03T10:00:00Z")
                .child("WMP-C-33", "Otis", "Testgate", "2012-01-02")
                .found(12, place("B1  2JP", "canal view hotel."))
                .json(),
            // A quiet address in Manchester, and a named spot known only by its position.
            episode("GMP", "GMP-H-4", "2025-02-04T10:00:00Z")
                .child("GMP-C-34", "Pip", "Testgate", "2013-01-02")
                .found(12, place("M1 1AE", "4 Market Street"))
                .json(),
            episode("GMP", "GMP-H-5", "2025-02-05T10:00:00Z")
                .child("GMP-C-35", "Quin", "Testgate", "2013-02-02")
                .found(12, placeAt("Underpass by the canal", 52.4795, -1.9105))
                .json()));
  }

  @Test
  void aPlaceKnowsItsAreaAndEveryWayForcesWroteIt() {
    hotel();

    List<Map<String, Object>> hits =
        nodes(
            graphQl()
                .document(
                    "{ searchPlaces(postcode: \"b1 2jp\") { totalCount edges { node { place {"
                        + " forceArea { code } localAuthority { code name forceArea { code } }"
                        + " postcodeDistrict spellings { addressLines postcode forces { code } mentions } } } } } }"),
            "searchPlaces");

    assertThat(hits).hasSize(1);
    String place = hits.get(0).toString();
    assertThat(place)
        .contains("forceArea={code=WMP}", "code=E08000025", "name=Birmingham", "postcodeDistrict=B1")
        .contains("[Canal View Hotel]", "[CANAL VIEW HOTEL]", "[canal view hotel.]")
        .contains("code=GMP", "code=WYO", "code=WMP");
  }

  @Test
  void placesAreFoundByDistrictWordsAndDistance() {
    hotel();

    // The hotel by its postcode, the underpass by its position, both in district B1.
    assertThat(placeLines("searchPlaces(postcode: \"B1\")")).hasSize(2);
    assertThat(placeLines("searchPlaces(text: \"canal hot\")")).hasSize(1);
    assertThat(placeLines("searchPlaces(text: \"market st\")")).containsExactly("[4 Market Street]");
    // The hotel was written without coordinates; the named spot 40-odd metres away is found.
    assertThat(placeNames("searchPlaces(near: {lat: 52.4791, lon: -1.9102, metres: 200})"))
        .containsExactly("Underpass by the canal");
    assertThat(placeLines("searchPlaces(postcode: \"M1\", filter: {forceArea: [\"wmp\"]})")).isEmpty();
    // Words within an area are looked for in that area's part of the index.
    assertThat(placeLines("searchPlaces(text: \"market\", filter: {forceArea: [\"gmp\"]})"))
        .containsExactly("[4 Market Street]");
    assertThat(placeLines("searchPlaces(text: \"market\", filter: {forceArea: [\"wmp\"]})")).isEmpty();
    assertThat(
            graphQl()
                .document("{ searchPlaces(text: \"market st\") { totalCount moreThanCounted } }")
                .retrieveSync("searchPlaces")
                .toEntity(MAP))
        .containsEntry("totalCount", 1)
        .containsEntry("moreThanCounted", false);
  }

  @Test
  void placesOfConcernCanBeAskedForOneForceArea() {
    hotel();

    String query =
        "{ placesOfConcern(minChildren: 3, minForces: 3, filter: {forceArea: [\"%s\"]}) { totalCount"
            + " edges { node { childCount forceCount evidence { force { code } episodeRef roles"
            + " child { id } } } } } }";
    Map<String, Object> westMidlands =
        graphQl().document(query.formatted("WMP")).retrieveSync("placesOfConcern").toEntity(MAP);
    Map<String, Object> manchester =
        graphQl().document(query.formatted("GMP")).retrieveSync("placesOfConcern").toEntity(MAP);

    assertThat(westMidlands.get("totalCount")).isEqualTo(1);
    assertThat(westMidlands.toString()).contains("GMP-H-1", "WYO-H-2", "WMP-H-3", "roles=[FOUND_AT]");
    assertThat(manchester.get("totalCount")).isEqualTo(0);
  }

  @Test
  void aSearchWithNothingToSearchByOrHostileTextIsAClearError() {
    hotel();
    assertThatThrownBy(() -> placeLines("searchPlaces"))
        .isInstanceOf(FieldAccessException.class)
        .hasMessageContaining("give a postcode");
    assertThatThrownBy(() -> placeLines("searchPlaces(postcode: \"MATCH (n) DETACH DELETE n\")"))
        .isInstanceOf(FieldAccessException.class)
        .hasMessageContaining("postcode: not a UK postcode");
    assertThatThrownBy(() -> placeLines("searchPlaces(postcode: \"B1\", filter: {riskLevel: [HIGH]})"))
        .isInstanceOf(FieldAccessException.class)
        .hasMessageContaining("only forceArea and localAuthority apply");
    // Lucene syntax and quotes are only words here: no error, no match, nothing changed.
    assertThat(placeLines("searchPlaces(text: \"hotel\\\" OR name:* AND \\\\ ~1 <script>\")")).isEmpty();
    assertThat(placeLines("searchPlaces(text: \"" + "x".repeat(200) + "\")")).isEmpty();
    assertThatThrownBy(() -> placeLines("searchPlaces(text: \"" + "x".repeat(10_000) + "\")"))
        .isInstanceOf(FieldAccessException.class)
        .hasMessageContaining("text: at most 200 characters");
    assertThatThrownBy(() -> placeLines("searchPlaces(text: \"" + "a ".repeat(11) + "\")"))
        .isInstanceOf(FieldAccessException.class)
        .hasMessageContaining("text: at most 10 words");
    assertThat(count("MATCH (p:Place) RETURN count(p)")).isEqualTo(3);
  }

  static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> MAP =
      new org.springframework.core.ParameterizedTypeReference<>() {};

  private List<String> placeLines(String search) {
    return places(search, "addressLines");
  }

  private List<String> placeNames(String search) {
    return places(search, "name");
  }

  private List<String> places(String search, String field) {
    return nodes(
            graphQl().document("{ " + search + " { edges { node { place { " + field + " } } } } }"),
            "searchPlaces")
        .stream()
        .map(n -> String.valueOf(((Map<?, ?>) n.get("place")).get(field)))
        .toList();
  }
}
