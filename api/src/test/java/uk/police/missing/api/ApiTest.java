package uk.police.missing.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.graphql.support.ResourceDocumentSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import uk.police.missing.graph.force.ForceCatalogue;
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
      "missing.ingest.batch-size=3",
      "missing.security.dev-issuer.token-lifetime=60m",
      // Test clients of the development issuer, beside the demo ones of application.yaml.
      "missing.security.dev-issuer.clients.test-reader.secret=test-reader-secret",
      "missing.security.dev-issuer.clients.test-reader.roles=analyst,investigator",
      "missing.security.dev-issuer.clients.test-reader.permissions=return-interviews,match-decisions",
      "missing.security.dev-issuer.clients.test-all-forces.secret=test-all-forces-secret",
      "missing.security.dev-issuer.clients.test-all-forces.roles=force-system",
      "missing.security.dev-issuer.clients.analyst-with-rhi.secret=analyst-with-rhi-secret",
      "missing.security.dev-issuer.clients.analyst-with-rhi.roles=analyst",
      "missing.security.dev-issuer.clients.analyst-with-rhi.permissions=return-interviews",
      "missing.security.dev-issuer.clients.investigator-no-rhi.secret=investigator-no-rhi-secret",
      "missing.security.dev-issuer.clients.investigator-no-rhi.roles=investigator"
    })
public abstract class ApiTest {

  /** Analyst and investigator with every permission: the reader of the functional tests. */
  protected static final String READER = "test-reader";
  /** A force system allowed every force, so test data of several forces goes in one request. */
  protected static final String ALL_FORCES_SYSTEM = "test-all-forces";
  /** The purpose the functional tests state. */
  protected static final String PURPOSE = "TEST/CASE/0001";

  private static final Map<String, String> SECRETS =
      Map.of(
          READER, "test-reader-secret",
          "investigator-no-rhi", "investigator-no-rhi-secret",
          ALL_FORCES_SYSTEM, "test-all-forces-secret",
          "analyst-with-rhi", "analyst-with-rhi-secret",
          "analyst", "dev-only-analyst-secret",
          "investigator", "dev-only-investigator-secret",
          "auditor", "dev-only-auditor-secret",
          "gmp-case-system", "dev-only-gmp-secret",
          "wmp-case-system", "dev-only-wmp-secret");

  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  @LocalServerPort private int port;

  @DynamicPropertySource
  static void neo4j(DynamicPropertyRegistry registry) {
    registry.add("spring.neo4j.uri", () -> TestNeo4j.uri().toString());
    registry.add(
        "missing.security.dev-issuer.clients.test-all-forces.forces",
        () -> String.join(",", ForceCatalogue.national().codes()));
  }

  /** Every test starts from an empty graph and a fresh audit trail (some tests break it). */
  @BeforeEach
  protected void emptyGraph() {
    TestNeo4j.deleteEpisodeData();
    TestNeo4j.resetAuditTrail();
  }

  /**
   * After every test, whatever it did: each episode names the child its record belongs to, as
   * the lists that count children by their episodes rely on (ingest and identity resolution keep
   * it, through merges, splits and decisions).
   */
  @org.junit.jupiter.api.AfterEach
  protected void episodesNameTheirChild() {
    assertThat(
            count(
                "MATCH (e:MissingEpisode)-[:CONCERNS]->(:ChildRecord)-[:RECORD_OF]->(c:Child)"
                    + " WHERE e.childId IS NULL OR e.childId <> c.id RETURN count(e)"))
        .as("episodes whose childId is not their record's child")
        .isZero();
  }

  /** A client with no token. */
  protected RestClient http() {
    return RestClient.builder().baseUrl("http://localhost:" + port).build();
  }

  /** A client sending a token of the development issuer's client {@code client}, and a purpose. */
  protected RestClient http(String client) {
    return http()
        .mutate()
        .defaultHeader("Authorization", "Bearer " + token(client))
        .defaultHeader("X-Purpose", PURPOSE)
        .build();
  }

  /** An access token from the development issuer, by the client credentials grant. */
  protected String token(String client) {
    return TOKENS.computeIfAbsent(
        port + "|" + client,
        key -> {
          var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
          form.add("grant_type", "client_credentials");
          var response =
              http()
                  .post()
                  .uri("/oauth2/token")
                  .headers(h -> h.setBasicAuth(client, SECRETS.get(client)))
                  .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                  .body(form)
                  .retrieve()
                  .body(tools.jackson.databind.JsonNode.class);
          return response.get("access_token").stringValue();
        });
  }

  /** GraphQL as the functional tests' reader. */
  protected HttpSyncGraphQlClient graphQl() {
    return graphQl(READER);
  }

  /** GraphQL with a token of the development issuer's client {@code client}. */
  protected HttpSyncGraphQlClient graphQl(String client) {
    return graphQl(http(client));
  }

  /** GraphQL over the given HTTP client, with the test documents. */
  protected HttpSyncGraphQlClient graphQl(RestClient client) {
    return HttpSyncGraphQlClient.builder(
            client.mutate().baseUrl("http://localhost:" + port + "/graphql").build())
        .documentSource(
            new ResourceDocumentSource(
                List.of(new ClassPathResource("graphql-test/")), List.of(".graphql")))
        .build();
  }

  /** Pushes an NDJSON body (sent as UTF-8) to the ingest endpoint; returns the report. */
  protected tools.jackson.databind.JsonNode push(String body) {
    return http(ALL_FORCES_SYSTEM)
        .post()
        .uri("/api/v1/episodes")
        .contentType(org.springframework.http.MediaType.parseMediaType("application/x-ndjson"))
        .body(body.getBytes(StandardCharsets.UTF_8))
        .retrieve()
        .body(tools.jackson.databind.JsonNode.class);
  }

  /** The id of the child a force's reference resolves to; a reference naming none fails. */
  protected String childId(String force, String personRef) {
    return idOf("childByForceRef", force, personRef);
  }

  /** The id of the person a force's reference resolves to; a reference naming none fails. */
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

  /** The nodes of a connection, in order: {@code field} names the connection in the answer. */
  @SuppressWarnings("unchecked")
  protected List<Map<String, Object>> nodes(
      org.springframework.graphql.client.GraphQlClient.RequestSpec request, String field) {
    List<Map<String, Object>> edges =
        request
            .retrieveSync(field + ".edges")
            .toEntity(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {});
    return edges.stream().map(e -> (Map<String, Object>) e.get("node")).toList();
  }

  protected static long count(String cypher) {
    return TestNeo4j.driver().executableQuery(cypher).execute().records().get(0).get(0).asLong();
  }
}
