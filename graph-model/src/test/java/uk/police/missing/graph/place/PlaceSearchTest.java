package uk.police.missing.graph.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.neo4j.core.Neo4jClient;
import uk.police.missing.graph.testing.TestNeo4j;

/** Place search by words on the real index: what is taken, in what order, and in which area. */
class PlaceSearchTest {

  private final Neo4jClient neo4j = Neo4jClient.create(TestNeo4j.driver());

  @BeforeEach
  void places() {
    TestNeo4j.deleteEpisodeData();
    // Four ways of writing a Mill Street, in three force areas; one place sighted most often.
    TestNeo4j.driver()
        .executableQuery(
            """
            UNWIND $places AS p
            CREATE (r:PlaceRecord {key: p.id, line: p.line, town: p.town, forceArea: p.area,
                                   authority: p.authority})
                   -[:RECORD_OF]->(:Place {id: p.id, forceArea: p.area, authority: p.authority,
                                           sightings: p.sightings})
            """)
        .withParameters(
            Map.of(
                "places",
                List.of(
                    place("leeds-1", "1 MILL STREET", "LEEDS", "WYP", "E08000035", 1),
                    place("leeds-2", "2 MILLBANK STREET", "LEEDS", "WYP", "E08000035", 9),
                    place("bham-1", "7 MILL STREET", "BIRMINGHAM", "WMP", "E08000025", 3),
                    place("hull-1", "9 MILL STREET", "HULL", "HUM", "E06000010", 2))))
        .execute();
  }

  @Test
  void wholeWordsRankAboveBeginningsOfWordsThenTheMostSighted() {
    var found = new PlaceSearch(neo4j).search(words("MILL", "STREET"), 0, 10);

    assertThat(ids(found)).hasSize(4).endsWith("leeds-2");
    assertThat(ids(found).subList(0, 3)).containsExactly("bham-1", "hull-1", "leeds-1");
    assertThat(found.page().totalCount()).isEqualTo(4);
    assertThat(found.moreThanCounted()).isFalse();
  }

  @Test
  void aCommonWordTakesOnlyTheBestMatchesAndSaysSo() {
    var found = new PlaceSearch(neo4j, 2).search(words("MILL", "STREET"), 0, 10);

    assertThat(found.page().items()).hasSize(2);
    assertThat(found.page().totalCount()).isEqualTo(2);
    assertThat(found.page().hasNext()).isFalse();
    assertThat(found.moreThanCounted()).isTrue();
  }

  @Test
  void anAreaIsSearchedWithinSoTheCutDoesNotLeaveItsPlacesOut() {
    // Nationally the two whole-word Mill Streets outside Humberside would fill a cut of two.
    var query =
        new PlaceSearch.Query(
            null, null, List.of("MILL", "STREET"), null, null, null, List.of("HUM"), null);
    var found = new PlaceSearch(neo4j, 2).search(query, 0, 10);

    assertThat(ids(found)).containsExactly("hull-1");
    assertThat(found.moreThanCounted()).isFalse();

    var byAuthority =
        new PlaceSearch.Query(
            null, null, List.of("MILL"), null, null, null, null, List.of("E08000035"));
    assertThat(ids(new PlaceSearch(neo4j, 2).search(byAuthority, 0, 10)))
        .containsExactly("leeds-1", "leeds-2");
  }

  @Test
  void aWordIsNeverReadAsIndexSyntax() {
    assertThatThrownBy(() -> PlaceSearch.lucene(words("MILL*", "STREET")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                PlaceSearch.lucene(
                    new PlaceSearch.Query(
                        null, null, List.of("MILL"), null, null, null, List.of("WMP) OR (x"), null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PlaceSearch.lucene(words("Mill")))
        .isEqualTo("+(name:mill^2 line:mill^2 town:mill^2 name:mill* line:mill* town:mill*)");
  }

  private static PlaceSearch.Query words(String... words) {
    return new PlaceSearch.Query(null, null, List.of(words), null, null, null, null, null);
  }

  private static List<String> ids(PlaceSearch.Found found) {
    return found.page().items().stream().map(PlaceSearch.Hit::placeId).toList();
  }

  private static Map<String, Object> place(
      String id, String line, String town, String area, String authority, int sightings) {
    return Map.of(
        "id", id, "line", line, "town", town, "area", area, "authority", authority,
        "sightings", sightings);
  }
}
