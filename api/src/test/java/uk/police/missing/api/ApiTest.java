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
