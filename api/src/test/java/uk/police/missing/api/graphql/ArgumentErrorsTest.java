package uk.police.missing.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.police.missing.api.ApiTest;

/**
 * Force codes and ids as arguments, over HTTP: a force code in any case is read as upper case,
 * an unknown force code is a BAD_REQUEST naming the argument, and an id or reference that names
 * nothing is a NOT_FOUND naming its argument, never a silent null or an empty answer.
 */
class ArgumentErrorsTest extends ApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String EPISODE = "query($f: String!, $r: String!) { episode(force: $f, episodeRef: $r) { episodeRef } }";
  private static final String CHILD_RECORD = "query($f: String!, $r: String!) { childRecord(force: $f, personRef: $r) { personRef } }";
  private static final String CHILD_BY_REF = "query($f: String!, $r: String!) { childByForceRef(force: $f, personRef: $r) { id } }";
  private static final String PERSON_BY_REF = "query($f: String!, $r: String!) { personByForceRef(force: $f, personRef: $r) { id } }";
  private static final String SEARCH = "query($f: String) { searchChildren(name: \"kayla\", force: $f) { totalCount edges { cursor } } }";

  /** Every query with a force argument, with a reference that exists when the force is right. */
  private static final Map<String, Object[]> FORCE_QUERIES = new LinkedHashMap<>();

  static {
    FORCE_QUERIES.put("episode", new Object[] {EPISODE, "GMP/2026/0113"});
    FORCE_QUERIES.put("childRecord", new Object[] {CHILD_RECORD, "GMP-P-000451"});
    FORCE_QUERIES.put("childByForceRef", new Object[] {CHILD_BY_REF, "GMP-P-000451"});
    FORCE_QUERIES.put("personByForceRef", new Object[] {PERSON_BY_REF, "GMP-N-7781"});
    FORCE_QUERIES.put("searchChildren", new Object[] {SEARCH, null});
  }

  @BeforeEach
  void theExampleRecords() {
    push(resource("contract/valid.ndjson"));
  }

  @Test
  void aForceCodeInLowerOrMixedCaseIsReadAsUpperCase() {
    for (var query : FORCE_QUERIES.entrySet()) {
      for (String force : List.of("gmp", "Gmp")) {
        JsonNode body = ask(query.getValue(), force);

        assertThat(body.has("errors")).as(query.getKey() + " " + body).isFalse();
        assertThat(body.path("data").path(query.getKey()).isNull()).as(query.getKey()).isFalse();
      }
    }
    assertThat(ask(FORCE_QUERIES.get("searchChildren"), "gmp").at("/data/searchChildren/totalCount").asInt())
        .isEqualTo(1);
  }

  @Test
  void anUnknownForceCodeIsABadRequestNamingTheForceArgument() {
    for (var query : FORCE_QUERIES.entrySet()) {
      JsonNode body = ask(query.getValue(), "XYZ");

      JsonNode error = onlyError(body, query.getKey());
      assertThat(error.path("message").stringValue())
          .isEqualTo("force: 'XYZ' is not a force code; the forces query lists them");
      assertThat(error.at("/extensions/classification").stringValue()).isEqualTo("BAD_REQUEST");
      assertThat(error.at("/extensions/argument").stringValue()).isEqualTo("force");
    }
  }

  @Test
  void aKnownForceWithNoRecordsGivesAnEmptyList() {
    JsonNode body = ask(FORCE_QUERIES.get("searchChildren"), "LAN");

    assertThat(body.has("errors")).as(body.toString()).isFalse();
    assertThat(body.at("/data/searchChildren/totalCount").asInt()).isZero();
    assertThat(body.at("/data/searchChildren/edges")).isEmpty();
  }

  @Test
  void eachUnknownIdOrReferenceIsANotFoundErrorNamingItsArgument() {
    String kayla = childId("GMP", "GMP-P-000451");
    String dMoney = personId("GMP", "GMP-N-7781");
    Map<String, Object[]> unknown = new LinkedHashMap<>();
    unknown.put("child", new Object[] {"query($id: ID!) { child(id: $id) { id } }", Map.of("id", "no-such-id"), "id"});
    unknown.put("child (a person's id)", new Object[] {"query($id: ID!) { child(id: $id) { id } }", Map.of("id", dMoney), "id"});
    unknown.put("person", new Object[] {"query($id: ID!) { person(id: $id) { id } }", Map.of("id", "no-such-id"), "id"});
    unknown.put("person (a child's id)", new Object[] {"query($id: ID!) { person(id: $id) { id } }", Map.of("id", kayla), "id"});
    unknown.put("place", new Object[] {"query($id: ID!) { place(id: $id) { id } }", Map.of("id", "no-such-id"), "id"});
    unknown.put("place (a child's id)", new Object[] {"query($id: ID!) { place(id: $id) { id } }", Map.of("id", kayla), "id"});
    unknown.put("linkChart", new Object[] {"query($id: ID!) { linkChart(id: $id) { truncated } }", Map.of("id", "no-such-id"), "id"});
    unknown.put("episode", new Object[] {EPISODE, Map.of("f", "GMP", "r", "GMP/1999/0001"), "episodeRef"});
    unknown.put("episode (another force's)", new Object[] {EPISODE, Map.of("f", "WMP", "r", "GMP/2026/0113"), "episodeRef"});
    unknown.put("childRecord", new Object[] {CHILD_RECORD, Map.of("f", "GMP", "r", "GMP-P-999999"), "personRef"});
    unknown.put("childByForceRef", new Object[] {CHILD_BY_REF, Map.of("f", "GMP", "r", "GMP-P-999999"), "personRef"});
    unknown.put("childByForceRef (an associate's)", new Object[] {CHILD_BY_REF, Map.of("f", "GMP", "r", "GMP-N-7781"), "personRef"});
    unknown.put("personByForceRef", new Object[] {PERSON_BY_REF, Map.of("f", "GMP", "r", "GMP-N-0000"), "personRef"});
    unknown.put("personByForceRef (a child's)", new Object[] {PERSON_BY_REF, Map.of("f", "GMP", "r", "GMP-P-000451"), "personRef"});

    for (var query : unknown.entrySet()) {
      String document = (String) query.getValue()[0];
      @SuppressWarnings("unchecked")
      Map<String, Object> variables = (Map<String, Object>) query.getValue()[1];
      String argument = (String) query.getValue()[2];

      JsonNode body = graphQlAs(READER, document, variables);

      JsonNode error = onlyError(body, query.getKey());
      assertThat(error.at("/extensions/classification").stringValue()).as(query.getKey()).isEqualTo("NOT_FOUND");
      assertThat(error.at("/extensions/argument").stringValue()).as(query.getKey()).isEqualTo(argument);
      assertThat(error.path("message").stringValue()).as(query.getKey()).startsWith(argument + ": ");
      for (Object value : variables.values()) {
        if (!List.of("GMP", "WMP").contains(value)) {
          assertThat(error.path("message").stringValue()).as(query.getKey()).doesNotContain((String) value);
        }
      }
      assertThat(body.toString()).as(query.getKey()).doesNotContainIgnoringCase("kayla");
    }
  }

  @Test
  void hostileValuesGiveAClearErrorAndChangeNothing() {
    long nodes = count("MATCH (n) WHERE NOT n:AuditRecord AND NOT n:AuditSubject RETURN count(n)");
    long relationships = count("MATCH (a)-[r]->(b) WHERE NOT a:AuditRecord RETURN count(r)");
    List<String> hostile =
        List.of("x".repeat(10_000), "x'}) MATCH (n) DETACH DELETE n //", "\"'`\\\" ' ` $x {{y}}");

    for (String value : hostile) {
      for (var query : FORCE_QUERIES.entrySet()) {
        JsonNode body = ask(query.getValue(), value);

        JsonNode error = onlyError(body, query.getKey());
        assertThat(error.at("/extensions/argument").stringValue()).isEqualTo("force");
        assertThat(error.path("message").stringValue())
            .matches("force: a value of \\d+ characters is not a force code; the forces query lists them");
      }
      for (var query : FORCE_QUERIES.entrySet()) {
        if (query.getValue()[1] == null) {
          continue;
        }
        JsonNode body =
            graphQlAs(READER, (String) query.getValue()[0], Map.of("f", "GMP", "r", value));

        JsonNode error = onlyError(body, query.getKey());
        assertThat(error.at("/extensions/classification").stringValue()).isEqualTo("NOT_FOUND");
        assertThat(error.path("message").stringValue()).doesNotContain(value).hasSizeLessThan(100);
      }
      for (String field : List.of("child", "person", "place", "linkChart")) {
        String selection = field.equals("linkChart") ? "truncated" : "id";
        JsonNode body =
            graphQlAs(READER, "query($id: ID!) { " + field + "(id: $id) { " + selection + " } }", Map.of("id", value));

        JsonNode error = onlyError(body, field);
        assertThat(error.at("/extensions/argument").stringValue()).isEqualTo("id");
        assertThat(error.path("message").stringValue()).doesNotContain(value);
      }
    }

    assertThat(count("MATCH (n) WHERE NOT n:AuditRecord AND NOT n:AuditSubject RETURN count(n)"))
        .isEqualTo(nodes);
    assertThat(count("MATCH (a)-[r]->(b) WHERE NOT a:AuditRecord RETURN count(r)"))
        .isEqualTo(relationships);
  }

  private static JsonNode onlyError(JsonNode body, String query) {
    assertThat(body.path("errors").size()).as(query + " " + body).isEqualTo(1);
    assertThat(body.toString()).as(query).doesNotContain("Exception").doesNotContain("Internal error");
    return body.path("errors").get(0);
  }

  /** A force query with the given force, and its known reference when it takes one. */
  private JsonNode ask(Object[] query, String force) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("f", force);
    if (query[1] != null) {
      variables.put("r", query[1]);
    }
    return graphQlAs(READER, (String) query[0], variables);
  }

  private JsonNode graphQlAs(String client, String document, Map<String, Object> variables) {
    byte[] response =
        http(client)
            .post()
            .uri("/graphql")
            .contentType(MediaType.APPLICATION_JSON)
            .body(JSON.writeValueAsBytes(Map.of("query", document, "variables", variables)))
            .retrieve()
            .body(byte[].class);
    return JSON.readTree(new String(response, StandardCharsets.UTF_8));
  }
}
