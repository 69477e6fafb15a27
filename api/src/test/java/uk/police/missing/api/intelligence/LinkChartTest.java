package uk.police.missing.api.intelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.client.FieldAccessException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.police.missing.api.ApiTest;

/** Link charts and the child search, over GraphQL. */
class LinkChartTest extends ApiTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  static final String CHART =
      """
      query($id: ID!, $depth: Int, $maxNodes: Int) {
        linkChart(id: $id, depth: $depth, maxNodes: $maxNodes) {
          truncated
          nodes { id kind label }
          edges { id kind source target episodeCount }
        }
      }
      """;

  @Test
  void chartsAChildsPlacesPeopleAndPhonesAcrossForcesWithTheirSupport() {
    push(resource("contract/valid.ndjson"));
    String kayla = kayla();

    JsonNode chart = chart(kayla, 1, 300);

    assertThat(chart.get("truncated").asBoolean()).isFalse();
    assertThat(chart.get("nodes").get(0).get("id").asString()).isEqualTo(kayla);
    assertThat(chart.get("nodes").get(0).get("label").asString()).containsIgnoringCase("kayla");
    assertThat(chart.get("nodes").findValuesAsString("kind"))
        .contains("Child", "Place", "Person", "Phone", "Vehicle");
    JsonNode hotel = edge(chart, "FOUND_AT");
    assertThat(hotel.get("episodeCount").asInt()).isEqualTo(2);
    // GMP links the phone to the episode itself; WMP only to the associate (a USES_PHONE link).
    assertThat(edge(chart, "LINKED_PHONE").get("episodeCount").asInt()).isEqualTo(1);
    assertThat(chart.get("nodes").findValuesAsString("label")).contains("+447700900461");
  }

  @Test
  void twoLinksFromTheHotelReachThePeopleAroundTheChildrenFoundThere() {
    push(resource("contract/valid.ndjson"));
    JsonNode oneHop = chart(kayla(), 1, 300);
    String hotel = edge(oneHop, "FOUND_AT").get("target").asString();

    JsonNode chart = chart(hotel, 2, 300);

    assertThat(chart.get("nodes").findValuesAsString("kind")).contains("Place", "Child", "Person");
    assertThat(chart.get("edges").findValuesAsString("kind")).contains("FOUND_AT", "SUSPECTED_EXPLOITER");
  }

  @Test
  void capsTheNodesAndSaysSo() {
    push(resource("contract/valid.ndjson"));

    JsonNode chart = chart(kayla(), 2, 2);

    assertThat(chart.get("truncated").asBoolean()).isTrue();
    assertThat(chart.get("nodes")).hasSize(2);
    List<String> ids = chart.get("nodes").findValuesAsString("id");
    chart.get("edges").forEach(e -> {
      assertThat(ids).contains(e.get("source").asString(), e.get("target").asString());
    });
  }

  @Test
  void aWithdrawnEpisodeNoLongerSupportsItsLinks() {
    List<String> lines = resource("contract/valid.ndjson").lines().toList();
    push(String.join("\n", lines));
    push(withdrawn(lines.get(1), 3));

    // GMP's record now names Kayla only through a withdrawn episode, so it no longer joins her
    // WMP record: the chart around the WMP child shows the hotel on WMP's episode alone.
    JsonNode chart = chart(childId("WMP", "WMP-33-98120"), 1, 300);

    assertThat(edge(chart, "FOUND_AT").get("episodeCount").asInt()).isEqualTo(1);
    assertThat(chart(kayla(), 1, 300).get("edges")).isEmpty();
  }

  @Test
  void refusesADepthOrSizeBeyondTheCaps() {
    assertThatThrownBy(() -> chart("any", 15, 300))
        .isInstanceOf(FieldAccessException.class)
        .hasMessageContaining("depth must be between 1 and 4");
    assertThatThrownBy(() -> chart("any", 2, 1_000_000))
        .isInstanceOf(FieldAccessException.class)
        .hasMessageContaining("maxNodes");
  }

  @Test
  void findsAChildByAnyWrittenFormOfTheirNameAndPages() {
    push(resource("contract/valid.ndjson"));

    JsonNode found = search("{ searchChildren(name: \"kay o'neill\") { totalCount edges { node { id records { personRef } } } } }");
    JsonNode byDob = search("{ searchChildren(dateOfBirth: \"2010-07-19\", force: \"WMP\") { totalCount } }");
    JsonNode none = search("{ searchChildren(name: \"kayla\", dateOfBirth: \"2011-01-01\") { totalCount edges { cursor } } }");

    assertThat(found.get("totalCount").asInt()).isEqualTo(1);
    assertThat(found.get("edges").get(0).get("node").get("records")).hasSize(2);
    assertThat(byDob.get("totalCount").asInt()).isEqualTo(1);
    assertThat(none.get("totalCount").asInt()).isZero();
    assertThat(none.get("edges")).isEmpty();
    assertThatThrownBy(() -> search("{ searchChildren(force: \"GMP\") { totalCount } }"))
        .isInstanceOf(FieldAccessException.class)
        .hasMessageContaining("give a name or a date of birth");
  }

  private JsonNode search(String document) {
    return JSON.valueToTree(graphQl().document(document).retrieveSync("searchChildren").toEntity(MAP));
  }

  private static JsonNode edge(JsonNode chart, String kind) {
    for (JsonNode e : chart.get("edges")) {
      if (e.get("kind").asString().equals(kind)) {
        return e;
      }
    }
    throw new AssertionError("no " + kind + " edge in " + chart);
  }

  private String kayla() {
    return (String)
        graphQl()
            .document("{ childByForceRef(force: \"GMP\", personRef: \"GMP-P-000451\") { id } }")
            .retrieveSync("childByForceRef")
            .toEntity(MAP)
            .get("id");
  }

  private JsonNode chart(String id, int depth, int maxNodes) {
    return JSON.valueToTree(
        graphQl()
            .document(CHART)
            .variable("id", id)
            .variable("depth", depth)
            .variable("maxNodes", maxNodes)
            .retrieveSync("linkChart")
            .toEntity(MAP));
  }
}
