package uk.police.missing.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.test.context.TestPropertySource;
import uk.police.missing.api.ApiTest;
import uk.police.missing.graph.testing.TestNeo4j;

/**
 * A request that runs past missing.graphql.timeout is stopped: no field is fetched after the
 * deadline, and the answer is one error saying why. A slow field stands in for a slow database.
 */
@TestPropertySource(properties = "missing.graphql.timeout=2s")
@Import(GraphQlLimitsTimeoutTest.SlowForces.class)
class GraphQlLimitsTimeoutTest extends ApiTest {

  @TestConfiguration
  static class SlowForces {
    @Bean
    FieldFetches fieldFetches() {
      return FieldFetches.slowing("forces", Duration.ofSeconds(3));
    }
  }

  @Autowired private FieldFetches fetches;

  @Test
  void aRequestPastItsDeadlineIsStoppedWithAClearErrorAndFetchesNothingMore() {
    push(resource("contract/valid.ndjson"));
    // Read straight from the database: the request below is the only one this test times.
    String kayla =
        TestNeo4j.driver()
            .executableQuery(
                "MATCH (:ChildRecord {personRef: 'GMP-P-000451'})-[:RECORD_OF]->(c:Child) RETURN c.id")
            .execute()
            .records()
            .get(0)
            .get(0)
            .asString();
    fetches.reset();

    ClientGraphQlResponse response =
        graphQl()
            .document("query($id: ID!) { forces { code } child(id: $id) { id timeline { episodeRef } } }")
            .variable("id", kayla)
            .executeSync();

    assertThat(response.toMap()).doesNotContainKey("data");
    assertThat(response.getErrors()).hasSize(1);
    ResponseError error = response.getErrors().get(0);
    assertThat(error.getMessage()).startsWith("The request ran longer than 2000 ms and was stopped.");
    assertThat(error.getExtensions()).containsEntry("limit", "timeout").containsEntry("allowed", 2000);
    assertThat(fetches.of("child")).isZero();
  }
}
