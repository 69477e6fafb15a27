package uk.police.missing.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.graphql.support.ResourceDocumentSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import uk.police.missing.graph.testing.TestNeo4j;

/**
 * Base of the end-to-end tests: the whole service on a random port, talking to the shared test
 * Neo4j through {@code spring.neo4j.uri} (so the whole suite runs the external-server path), and
 * clients that reach it over HTTP only. Every test starts from an empty episode graph.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "missing.ingest.max-body=512KB",
      "missing.ingest.max-line=64KB",
      "missing.ingest.max-lines=200",
      "missing.ingest.batch-size=3"
    })
public abstract class ApiTest {

  @LocalServerPort private int port;

  @DynamicPropertySource
  static void neo4j(DynamicPropertyRegistry registry) {
    registry.add("spring.neo4j.uri", () -> TestNeo4j.uri().toString());
  }

  @BeforeEach
  protected void emptyGraph() {
    TestNeo4j.deleteEpisodeData();
  }

  protected RestClient http() {
    return RestClient.builder().baseUrl("http://localhost:" + port).build();
  }

  protected HttpSyncGraphQlClient graphQl() {
    return HttpSyncGraphQlClient.builder(http().mutate().baseUrl("http://localhost:" + port + "/graphql").build())
        .documentSource(
            new ResourceDocumentSource(
                List.of(new ClassPathResource("graphql-test/")), List.of(".graphql")))
        .build();
  }

  /** Pushes an NDJSON body (sent as UTF-8) to the ingest endpoint; returns the report. */
  protected tools.jackson.databind.JsonNode push(String body) {
    return http()
        .post()
        .uri("/api/v1/episodes")
        .contentType(org.springframework.http.MediaType.parseMediaType("application/x-ndjson"))
        .body(body.getBytes(StandardCharsets.UTF_8))
        .retrieve()
        .body(tools.jackson.databind.JsonNode.class);
  }

  /** The id of the child a force's reference resolves to, or null. */
  protected String childId(String force, String personRef) {
    return idOf("childByForceRef", force, personRef);
  }

  /** The id of the person a force's reference resolves to, or null. */
  protected String personId(String force, String personRef) {
    return idOf("personByForceRef", force, personRef);
  }

  private String idOf(String field, String force, String personRef) {
    var entity =
        graphQl()
            .document(
                "query($f: String!, $r: String!) { " + field + "(force: $f, personRef: $r) { id } }")
            .variable("f", force)
            .variable("r", personRef)
            .retrieveSync(field)
            .toEntity(new org.springframework.core.ParameterizedTypeReference<java.util.Map<String, Object>>() {});
    return entity == null ? null : (String) entity.get("id");
  }

  /** The record on {@code line}, as the force would send it to withdraw it at {@code version}. */
  protected static String withdrawn(String line, int version) {
    var json = tools.jackson.databind.json.JsonMapper.builder().build();
    var record = (tools.jackson.databind.node.ObjectNode) json.readTree(line);
    record.put("recordVersion", version);
    record.put("withdrawn", true);
    return json.writeValueAsString(record);
  }

  protected static String resource(String name) {
    try (var in = new ClassPathResource(name).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  protected static long count(String cypher) {
    return TestNeo4j.driver().executableQuery(cypher).execute().records().get(0).get(0).asLong();
  }
}
