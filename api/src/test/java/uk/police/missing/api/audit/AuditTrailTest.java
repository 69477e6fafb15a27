package uk.police.missing.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.police.missing.api.ApiTest;
import uk.police.missing.graph.testing.TestNeo4j;

/**
 * The audit trail over HTTP: one record per consultation with who, when, what, why and which
 * children and people; no data when the trail cannot be written; tampering found by the
 * verification; and auditors asking who looked at a child.
 */
@SuppressWarnings("unchecked")
class AuditTrailTest extends ApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @BeforeEach
  void freshTrailAndKayla() {
    TestNeo4j.resetAuditTrail();
    push(resource("contract/valid.ndjson"));
  }

  @Test
  void aConsultationLeavesExactlyOneRecordWithWhoWhenWhatWhyAndWhom() {
    long before = count("MATCH (a:AuditRecord) RETURN count(a)");
    String kayla = childId("GMP", "GMP-P-000451");
    long afterLookup = count("MATCH (a:AuditRecord) RETURN count(a)");

    JsonNode body =
        graphQlAs(
            "investigator",
            "INC/2026/0042",
            "query Timeline($id: ID!) { child(id: $id) { givenName timeline { associates { givenName } } } }",
            Map.of("id", kayla));

    assertThat(body.path("data").path("child").path("givenName").stringValue()).isEqualToIgnoringCase("Kayla");
    assertThat(afterLookup).isEqualTo(before + 1);
    assertThat(count("MATCH (a:AuditRecord) RETURN count(a)")).isEqualTo(afterLookup + 1);
    var record =
        TestNeo4j.driver()
            .executableQuery("MATCH (a:AuditRecord) RETURN a ORDER BY a.sequence DESC LIMIT 1")
            .execute()
            .records()
            .get(0)
            .get("a")
            .asMap();
    assertThat(record.get("subject")).isEqualTo("investigator");
    assertThat(record.get("clientId")).isEqualTo("investigator");
    assertThat(record.get("issuer")).isEqualTo("http://localhost/dev-issuer");
    assertThat((List<Object>) record.get("roles")).containsExactly("investigator");
    assertThat((String) record.get("operation")).startsWith("graphql Timeline").contains("timeline");
    assertThat((String) record.get("variablesJson")).contains(kayla);
    assertThat(record.get("purpose")).isEqualTo("INC/2026/0042");
    assertThat((List<Object>) record.get("childIds")).containsExactly(kayla);
    assertThat((List<?>) record.get("personIds")).isNotEmpty();
    assertThat(record.get("outcome")).isEqualTo("OK");
    assertThat((String) record.get("detail")).startsWith("from ").doesNotContain("unknown");
    assertThat(record.get("at")).isNotNull();
  }

  @Test
  void readingAnEpisodeRecordsItsChildEvenWhenNoFieldOfTheChildIsAsked() {
    String kayla = childId("GMP", "GMP-P-000451");

    graphQlAs(
        "investigator",
        "INC/2026/0042",
        "{ episode(force: \"GMP\", episodeRef: \"GMP/2026/0113\") { notes status } }",
        Map.of());

    assertThat(
            count(
                "MATCH (a:AuditRecord {subject: 'investigator'}) WHERE '"
                    + kayla
                    + "' IN a.childIds RETURN count(a)"))
        .isEqualTo(1);
  }

  @Test
  void anIngestRequestAndARefusedReadAreRecordedToo() {
    assertThat(count("MATCH (a:AuditRecord {operation: 'POST /api/v1/episodes', outcome: 'OK'}) RETURN count(a)"))
        .isEqualTo(1);

    JsonNode body =
        graphQlAs("auditor", null, "{ placesOfConcern { totalCount } }", Map.of());

    // The field is non-null, so its refusal leaves no data at all.
    assertThat(body.path("data").isNull()).as(body.toString()).isTrue();
    assertThat(count("MATCH (a:AuditRecord {subject: 'auditor', outcome: 'REFUSED'}) RETURN count(a)"))
        .isEqualTo(1);
  }

  @Test
  void aReadWithoutAPurposeIsRefusedAndRecorded() {
    JsonNode body =
        graphQlAs(
            "analyst",
            null,
            "{ childByForceRef(force: \"GMP\", personRef: \"GMP-P-000451\") { givenName } }",
            Map.of());

    assertThat(body.toString()).doesNotContainIgnoringCase("Kayla").contains("X-Purpose");
    assertThat(count("MATCH (a:AuditRecord {subject: 'analyst', outcome: 'REFUSED'}) WHERE a.purpose IS NULL RETURN count(a)"))
        .isEqualTo(1);
  }

  @Test
  void whenTheTrailCannotBeWrittenNoDataLeaves() {
    // The chain head is what every append locks; without it, appends fail.
    TestNeo4j.driver().executableQuery("MATCH (h:AuditChain) DETACH DELETE h").execute();
    try {
      JsonNode body =
          graphQlAs(
              "analyst",
              "INC/2026/0042",
              "{ childByForceRef(force: \"GMP\", personRef: \"GMP-P-000451\") { givenName dateOfBirth } }",
              Map.of());

      assertThat(body.path("data").isNull() || body.path("data").isMissingNode()).as(body.toString()).isTrue();
      assertThat(body.toString()).doesNotContainIgnoringCase("Kayla").doesNotContain("2011");
      assertThat(body.path("errors").get(0).path("message").stringValue())
          .contains("audit trail could not be written");
    } finally {
      TestNeo4j.resetAuditTrail();
    }
  }

  @Test
  void theVerificationFindsAnAlteredRecord() {
    childId("GMP", "GMP-P-000451");
    JsonNode intact = graphQlAs("auditor", null, "{ auditChainVerification { intact recordsChecked } }", Map.of());
    assertThat(intact.path("data").path("auditChainVerification").path("intact").booleanValue()).isTrue();

    // Someone with database access rewrites who made the second record.
    TestNeo4j.driver()
        .executableQuery("MATCH (a:AuditRecord {sequence: 2}) SET a.subject = 'someone-else'")
        .execute();

    JsonNode broken =
        graphQlAs(
            "auditor", null, "{ auditChainVerification { intact firstBrokenSequence problem } }", Map.of());
    JsonNode verification = broken.path("data").path("auditChainVerification");
    assertThat(verification.path("intact").booleanValue()).isFalse();
    assertThat(verification.path("firstBrokenSequence").asLong()).isEqualTo(2);
    assertThat(verification.path("problem").stringValue()).contains("2");
  }

  @Test
  void anAuditorCanAskWhoLookedAtAChildWhenAndWhy() {
    String kayla = childId("GMP", "GMP-P-000451");
    graphQlAs("investigator", "CASE/77", "query($id: ID!) { child(id: $id) { givenName } }", Map.of("id", kayla));
    graphQlAs("analyst", "INC/9", "{ searchChildren(name: \"Kayla\") { edges { node { id givenName } } } }", Map.of());

    JsonNode body =
        graphQlAs(
            "auditor",
            null,
            "query($id: ID!) { consultations(id: $id) { edges { node { subject at purpose outcome } } } }",
            Map.of("id", kayla));

    JsonNode edges = body.path("data").path("consultations").path("edges");
    assertThat(edges.size()).isEqualTo(3);
    // Newest first.
    assertThat(edges.get(0).path("node").path("subject").stringValue()).isEqualTo("analyst");
    assertThat(edges.get(0).path("node").path("purpose").stringValue()).isEqualTo("INC/9");
    assertThat(edges.get(1).path("node").path("subject").stringValue()).isEqualTo("investigator");
    assertThat(edges.get(1).path("node").path("purpose").stringValue()).isEqualTo("CASE/77");
    assertThat(edges.get(2).path("node").path("subject").stringValue()).isEqualTo(READER);
  }

  private JsonNode graphQlAs(String client, String purpose, String document, Map<String, Object> variables) {
    byte[] response =
        http()
            .post()
            .uri("/graphql")
            .headers(
                h -> {
                  h.setBearerAuth(token(client));
                  if (purpose != null) {
                    h.set("X-Purpose", purpose);
                  }
                })
            .contentType(MediaType.APPLICATION_JSON)
            .body(JSON.writeValueAsBytes(Map.of("query", document, "variables", variables)))
            .retrieve()
            .body(byte[].class);
    return JSON.readTree(new String(response, StandardCharsets.UTF_8));
  }
}
