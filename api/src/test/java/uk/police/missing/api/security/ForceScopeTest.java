package uk.police.missing.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.police.missing.api.ApiTest;
import uk.police.missing.graph.testing.GraphDump;
import uk.police.missing.graph.testing.TestNeo4j;

/** A force system writes its own force's records only, and reads nothing. */
class ForceScopeTest extends ApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aForceSystemPushingAnotherForcesRecordIsRefusedWholeAndTheGraphIsUnchanged() {
    List<String> lines = resource("contract/valid.ndjson").lines().toList();
    push(lines.get(0));
    String before = GraphDump.of(TestNeo4j.driver());

    // GMP's system sends its own update and, last, West Midlands' record.
    ResponseEntity<String> response =
        ingest("gmp-case-system", lines.get(1) + "\n" + lines.get(2));

    assertThat(response.getStatusCode().value()).isEqualTo(403);
    JsonNode problem = JSON.readTree(response.getBody());
    assertThat(problem.path("detail").stringValue()).contains("line 2").contains("WMP").contains("Nothing");
    assertThat(GraphDump.of(TestNeo4j.driver())).isEqualTo(before);
    assertThat(count("MATCH (a:AuditRecord {subject: 'gmp-case-system', outcome: 'REFUSED_FORBIDDEN'}) RETURN count(a)"))
        .isPositive();
  }

  @Test
  void aForceSystemMayPushItsOwnRecords() {
    List<String> lines = resource("contract/valid.ndjson").lines().toList();

    ResponseEntity<String> gmp = ingest("gmp-case-system", lines.get(0) + "\n" + lines.get(1));
    ResponseEntity<String> wmp = ingest("wmp-case-system", lines.get(2));

    assertThat(gmp.getStatusCode().value()).isEqualTo(200);
    assertThat(wmp.getStatusCode().value()).isEqualTo(200);
    assertThat(count("MATCH (e:MissingEpisode) RETURN count(e)")).isEqualTo(2);
  }

  @Test
  void aForceSystemCannotReadIntelligence() {
    push(resource("contract/valid.ndjson"));

    ResponseEntity<String> response =
        http("gmp-case-system")
            .post()
            .uri("/graphql")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"query\": \"{ placesOfConcern(minChildren: 1, minForces: 1) { totalCount } }\"}")
            .retrieve()
            .onStatus(s -> true, (request, reply) -> {})
            .toEntity(String.class);

    assertThat(response.getStatusCode().value()).isEqualTo(403);
    assertThat(response.getBody()).doesNotContain("childCount").doesNotContain("\"data\"");
  }

  @Test
  void aReaderCannotPushRecords() {
    ResponseEntity<String> response = ingest("analyst", resource("contract/valid.ndjson"));

    assertThat(response.getStatusCode().value()).isEqualTo(403);
    assertThat(count("MATCH (e:MissingEpisode) RETURN count(e)")).isZero();
  }

  private ResponseEntity<String> ingest(String client, String body) {
    return http(client)
        .post()
        .uri("/api/v1/episodes")
        .contentType(MediaType.parseMediaType("application/x-ndjson"))
        .body(body.getBytes(StandardCharsets.UTF_8))
        .retrieve()
        .onStatus(s -> true, (request, reply) -> {})
        .toEntity(String.class);
  }
}
