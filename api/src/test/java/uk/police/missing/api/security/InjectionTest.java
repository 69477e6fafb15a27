package uk.police.missing.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import uk.police.missing.api.ApiTest;

/**
 * Cypher-injection strings in record fields and in every string argument are stored and returned
 * as plain text, and change nothing else: values only ever travel to Neo4j as parameters.
 */
class InjectionTest extends ApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String EVIL = "x'}) MATCH (n) DETACH DELETE n //\" ` $x {{y}} \\u0000";
  private static final String EVIL_TEXT = "x'}) MATCH (n) DETACH DELETE n //\" ` $x {{y}}";

  @Test
  void injectionStringsInRecordFieldsAreStoredAndReturnedAsPlainText() {
    String line = resource("contract/valid.ndjson").lines().toList().get(1);
    ObjectNode record = (ObjectNode) JSON.readTree(line);
    ObjectNode child = (ObjectNode) record.get("child");
    child.put("givenName", EVIL_TEXT);
    child.put("familyName", EVIL_TEXT);
    child.putArray("alsoKnownAs").add(EVIL_TEXT);
    child.put("responsibleAuthority", EVIL_TEXT);
    ((ObjectNode) record.at("/lastSeen/place")).put("name", EVIL_TEXT);
    ((ArrayNode) record.at("/found/place/addressLines")).set(0, EVIL_TEXT);
    ((ArrayNode) record.at("/associates/0/alsoKnownAs")).set(0, EVIL_TEXT);
    ((ObjectNode) record.get("returnInterview")).put("summary", EVIL_TEXT);
    ((ObjectNode) record.get("returnInterview")).put("agency", EVIL_TEXT);
    record.put("notes", EVIL_TEXT);
    long forces = count("MATCH (f:Force) RETURN count(f)");

    JsonNode report = push(JSON.writeValueAsString(record));

    assertThat(report.path("totals").path("accepted").asInt()).isEqualTo(1);
    JsonNode episode =
        graphQl()
            .document(
                """
                { episode(force: "GMP", episodeRef: "GMP/2026/0113") {
                    notes
                    child { givenName familyName alsoKnownAs responsibleAuthority }
                    lastSeen { place { name } }
                    found { place { addressLines } }
                    associates { alsoKnownAs }
                    returnInterview { summary agency } } }
                """)
            .retrieveSync("episode")
            .toEntity(JsonNode.class);
    assertThat(episode.path("notes").stringValue()).isEqualTo(EVIL_TEXT);
    assertThat(episode.at("/child/givenName").stringValue()).isEqualTo(EVIL_TEXT);
    assertThat(episode.at("/child/familyName").stringValue()).isEqualTo(EVIL_TEXT);
    assertThat(episode.at("/child/alsoKnownAs/0").stringValue()).isEqualTo(EVIL_TEXT);
    assertThat(episode.at("/child/responsibleAuthority").stringValue()).isEqualTo(EVIL_TEXT);
    assertThat(episode.at("/lastSeen/place/name").stringValue()).isEqualTo(EVIL_TEXT);
    assertThat(episode.at("/found/place/addressLines/0").stringValue()).isEqualTo(EVIL_TEXT);
    assertThat(episode.at("/associates/0/alsoKnownAs/0").stringValue()).isEqualTo(EVIL_TEXT);
    assertThat(episode.at("/returnInterview/summary").stringValue()).isEqualTo(EVIL_TEXT);
    assertThat(episode.at("/returnInterview/agency").stringValue()).isEqualTo(EVIL_TEXT);
    assertThat(count("MATCH (f:Force) RETURN count(f)")).isEqualTo(forces);
    assertThat(count("MATCH (e:MissingEpisode) RETURN count(e)")).isEqualTo(1);
  }

  @Test
  void injectionStringsInEveryStringArgumentChangeNothing() {
    push(resource("contract/valid.ndjson"));
    long nodes = count("MATCH (n) WHERE NOT n:AuditRecord AND NOT n:AuditSubject RETURN count(n)");
    long relationships =
        count("MATCH (a)-[r]->(b) WHERE NOT a:AuditRecord RETURN count(r)");
    Map<String, String> documents =
        Map.ofEntries(
            Map.entry("episode", "query($s: String!) { episode(force: $s, episodeRef: $s) { episodeRef } }"),
            Map.entry("childRecord", "query($s: String!) { childRecord(force: $s, personRef: $s) { personRef } }"),
            Map.entry("childByForceRef", "query($s: String!) { childByForceRef(force: $s, personRef: $s) { id } }"),
            Map.entry("personByForceRef", "query($s: String!) { personByForceRef(force: $s, personRef: $s) { id } }"),
            Map.entry("child", "query($s: ID!) { child(id: $s) { id } }"),
            Map.entry("person", "query($s: ID!) { person(id: $s) { id } }"),
            Map.entry("place", "query($s: ID!) { place(id: $s) { id } }"),
            Map.entry("searchChildren", "query($s: String!) { searchChildren(name: $s, force: $s, after: $s) { totalCount } }"),
            Map.entry("possibleMatches", "query($s: String!) { possibleMatches(after: $s) { totalCount } }"),
            Map.entry("linkChart", "query($s: ID!) { linkChart(id: $s) { truncated } }"),
            Map.entry("decideMatch", "mutation($s: ID!, $r: String!) { decideMatch(id: $s, decision: CONFIRM, reason: $r) { id } }"));

    for (var document : documents.entrySet()) {
      String body =
          http(READER)
              .post()
              .uri("/graphql")
              .contentType(MediaType.APPLICATION_JSON)
              .body(
                  JSON.writeValueAsBytes(
                      Map.of("query", document.getValue(), "variables", Map.of("s", EVIL, "r", EVIL))))
              .retrieve()
              .body(String.class);

      assertThat(body).as(document.getKey()).doesNotContain("Exception").doesNotContain("MATCH (n)");
    }

    // The auditors' arguments too.
    for (String document :
        List.of(
            "query($s: ID!) { consultations(id: $s, after: $s) { edges { cursor } } }",
            "query($s: String!) { auditTrail(after: $s) { edges { cursor } } }")) {
      String body =
          http("auditor")
              .post()
              .uri("/graphql")
              .contentType(MediaType.APPLICATION_JSON)
              .body(JSON.writeValueAsBytes(Map.of("query", document, "variables", Map.of("s", EVIL))))
              .retrieve()
              .body(String.class);

      assertThat(body).as(document).doesNotContain("Exception").doesNotContain("MATCH (n)");
    }

    assertThat(count("MATCH (n) WHERE NOT n:AuditRecord AND NOT n:AuditSubject RETURN count(n)"))
        .isEqualTo(nodes);
    assertThat(count("MATCH (a)-[r]->(b) WHERE NOT a:AuditRecord RETURN count(r)"))
        .isEqualTo(relationships);
  }

  @Test
  void anInjectionStringAsThePurposeIsAuditedVerbatim() {
    String purpose = "INC/1'}) MATCH (n) DETACH DELETE n //";

    http()
        .post()
        .uri("/graphql")
        .headers(
            h -> {
              h.setBearerAuth(token(READER));
              h.set("X-Purpose", purpose);
            })
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"query\": \"{ possibleMatches { totalCount } }\"}".getBytes(StandardCharsets.UTF_8))
        .retrieve()
        .body(String.class);

    assertThat(
            uk.police.missing.graph.testing.TestNeo4j.driver()
                .executableQuery("MATCH (a:AuditRecord {purpose: $purpose}) RETURN count(a) AS n")
                .withParameters(Map.of("purpose", purpose))
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong())
        .isEqualTo(1);
    assertThat(count("MATCH (f:Force) RETURN count(f)")).isPositive();
  }
}
