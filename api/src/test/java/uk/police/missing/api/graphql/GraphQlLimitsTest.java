package uk.police.missing.api.graphql;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.MediaType;
import uk.police.missing.api.ApiTest;

/**
 * A request that asks too much is refused before any data fetcher runs, so before the database
 * is touched: each test first stores a child it could have asked about, then shows the answer has
 * no data and that no fetcher ran. The default limits are in force (application.yaml).
 */
@Import(GraphQlLimitsTest.CountFetches.class)
class GraphQlLimitsTest extends ApiTest {

  @TestConfiguration
  static class CountFetches {
    @Bean
    FieldFetches fieldFetches() {
      return new FieldFetches();
    }
  }

  @Autowired private FieldFetches fetches;

  private String kayla;

  @BeforeEach
  void aChildToAskAbout() {
    push(resource("contract/valid.ndjson"));
    kayla = childId("GMP", "GMP-P-000451");
    assertThat(kayla).isNotNull();
    fetches.reset();
  }

  @Test
  void refusesAQueryFifteenLevelsDeepBeforeFetchingAnything() {
    // The schema's deepest path is 9 fields, so a document this deep can only be invalid (or
    // introspection): it is refused before it is even validated.
    String fifteen =
        "child(id: $id) { timeline { child { homePlace { geo { lat"
            + " { a { b { c { d { e { f { g { h { i } } } } } } } } } } } } } }";

    ClientGraphQlResponse response = execute("query($id: ID!) { " + fifteen + " }");

    assertRefusedBeforeFetching(response, "max-depth", 15, 10);
    assertThat(response.getErrors().get(0).getMessage())
        .isEqualTo("The query is 15 levels deep; at most 10 are allowed.");
  }

  @Test
  void countsDepthThroughFragments() {
    String document =
        """
        query($id: ID!) { child(id: $id) { ...timeline } }
        fragment timeline on Child { timeline { ...found } }
        fragment found on MissingEpisode { found { place { geo { lat { a { b { c { d { e } } } } } } } } }
        """;

    assertRefusedBeforeFetching(execute(document), "max-depth", 11, 10);
  }

  @Test
  void refusesAThousandAliasesBeforeFetchingAnything() {
    String aliases =
        IntStream.range(0, 1000).mapToObj(i -> "a" + i + ": child(id: $id) { id }").collect(joining(" "));

    assertRefusedBeforeFetching(execute("query($id: ID!) { " + aliases + " }"), "max-aliases", 1000, 30);
  }

  @Test
  void refusesAHundredOperationsInOneRequestBeforeFetchingAnything() {
    String operations =
        IntStream.range(0, 100)
            .mapToObj(i -> "query q" + i + "($id: ID!) { child(id: $id) { id } }")
            .collect(joining("\n"));

    ClientGraphQlResponse response =
        graphQl().document(operations).operationName("q0").variable("id", kayla).executeSync();

    assertRefusedBeforeFetching(response, "max-operations", 100, 5);
  }

  // Each beside a field that reads the database at once: not even that one runs.
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          placesOfConcern(first: 1000000) { totalCount }                 | first must be between 1 and 500
          peopleOfConcern(first: 1000000) { totalCount }                 | first must be between 1 and 500
          objectsOfConcern(first: 1000000) { totalCount }                | first must be between 1 and 500
          searchChildren(name: "kayla", first: 1000000) { totalCount }   | first must be between 1 and 500
          possibleMatches(first: 1000000) { totalCount }                 | first must be between 1 and 500
          linkChart(id: $id, maxNodes: 1000000) { truncated }            | maxNodes must be between 1 and 1000
          """)
  void refusesAPageOfAMillionOnEveryPagedFieldBeforeFetchingAnything(String field, String message) {
    ClientGraphQlResponse response = execute("query($id: ID!) { child(id: $id) { id } " + field + " }");

    assertThat(response.toMap()).doesNotContainKey("data");
    assertThat(response.getErrors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.getMessage()).isEqualTo(message);
              assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            });
    assertThat(fetches.total()).isZero();
  }

  @Test
  void refusesAPageSizeGivenInAVariable() {
    ClientGraphQlResponse response =
        graphQl()
            .documentName("placesOfConcern")
            .variable("minChildren", 1)
            .variable("minForces", 1)
            .variable("first", 1_000_000)
            .executeSync();

    assertThat(response.toMap()).doesNotContainKey("data");
    assertThat(response.getErrors().get(0).getMessage()).isEqualTo("first must be between 1 and 500");
    assertThat(fetches.total()).isZero();
  }

  @Test
  void refusesARequestCostingMoreThanTheComplexityLimitBeforeFetchingAnything() {
    // Each chart costs 1 + 1000 nodes x 11 fields selected; three cost 33,003.
    String chart =
        "linkChart(id: $id, maxNodes: 1000) { truncated nodes { id kind label }"
            + " edges { id kind source target episodeCount } }";
    String document =
        "query($id: ID!) { one: " + chart + " two: " + chart + " three: " + chart + " }";

    assertRefusedBeforeFetching(execute(document), "max-complexity", 33003, 20000);
  }

  @Test
  void answersAnOrdinaryDeepQueryAcrossTimelinePlacesAndALinkChart() {
    String document =
        """
        query($id: ID!) {
          child(id: $id) {
            givenName
            timeline {
              episodeRef
              found { place { name postcode geo { lat lon } } }
              sightings { place { name } }
              associates { personRef vehicles { registration } }
            }
          }
          linkChart(id: $id, depth: 2) { truncated nodes { id kind label } edges { kind source target } }
        }
        """;

    ClientGraphQlResponse response = execute(document);

    assertThat(response.getErrors()).isEmpty();
    assertThat(response.field("child.timeline").toEntityList(Map.class)).hasSize(2);
    assertThat(response.field("linkChart.nodes").toEntityList(Map.class)).isNotEmpty();
    assertThat(fetches.of("child")).isEqualTo(1);
  }

  @Test
  void answersTheDeepestPathTheSchemaHas() {
    String nine =
        "possibleMatches(first: 500) { edges { node { entities { ... on Child"
            + " { timeline { child { homePlace { geo { lat } } } } } } } } }";

    ClientGraphQlResponse response = execute("{ " + nine + " }");

    assertThat(response.getErrors()).isEmpty();
    assertThat(fetches.of("possibleMatches")).isEqualTo(1);
  }

  @Test
  void refusesABatchOfRequestsInOneJsonArrayCleanly() {
    var answer =
        http(READER)
            .post()
            .uri("/graphql")
            .contentType(MediaType.APPLICATION_JSON)
            .body("[{\"query\": \"{ forces { code } }\"}, {\"query\": \"{ forces { name } }\"}]")
            .exchange(
                (request, response) ->
                    Map.entry(response.getStatusCode().value(), new String(response.getBody().readAllBytes())));

    assertThat(answer.getKey()).isEqualTo(400);
    assertThat(answer.getValue()).doesNotContain("Exception", "at org.", "at uk.", "forces");
    assertThat(fetches.total()).isZero();
  }

  private ClientGraphQlResponse execute(String document) {
    return graphQl().document(document).variable("id", kayla).executeSync();
  }

  private void assertRefusedBeforeFetching(
      ClientGraphQlResponse response, String limit, int actual, int allowed) {
    assertThat(response.toMap()).doesNotContainKey("data");
    assertThat(response.getErrors()).hasSize(1);
    ResponseError error = response.getErrors().get(0);
    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
    assertThat(error.getExtensions())
        .containsEntry("limit", limit)
        .containsEntry("actual", actual)
        .containsEntry("allowed", allowed);
    assertThat(error.getMessage()).contains(String.valueOf(actual), String.valueOf(allowed));
    assertThat(fetches.total()).isZero();
  }
}
