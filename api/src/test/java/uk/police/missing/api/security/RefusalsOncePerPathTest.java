package uk.police.missing.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.police.missing.api.ApiTest;

/**
 * A refused field inside a list is refused once per field and path pattern, not once per item:
 * an analyst reading a long timeline gets one error that says what the field needs, the other
 * occurrences read as null, and the audit trail still records the refusal. Whether and when each
 * return home interview was held is open to analysts; what the child said is not.
 */
class RefusalsOncePerPathTest extends ApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int EPISODES = 30;
  private static final String NOTES = "Invented note: seen near the bus station";
  private static final String TIMELINE =
      "{ childByForceRef(force: \"GMP\", personRef: \"GMP-P-000451\") { timeline { episodeRef %s } } }";

  /** One invented child with thirty episodes, each with notes and a return home interview. */
  @BeforeEach
  void aChildWithThirtyEpisodes() {
    String template = resource("contract/valid.ndjson").lines().toList().get(1);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < EPISODES; i++) {
      ObjectNode record = (ObjectNode) JSON.readTree(template);
      record.put("episodeRef", "GMP/2025/%04d".formatted(i));
      record.put("notes", NOTES);
      lines.add(JSON.writeValueAsString(record));
    }
    JsonNode report = push(String.join("\n", lines));
    assertThat(report.path("totals").path("accepted").asInt()).isEqualTo(EPISODES);
  }

  @Test
  void anAnalystIsRefusedTheNotesOfAThirtyEpisodeTimelineOnceWithThePathPattern() {
    JsonNode body = graphQlAs("analyst", "INC/2026/0042", TIMELINE.formatted("status notes"));

    JsonNode errors = body.path("errors");
    assertThat(errors.size()).as(body.toString()).isEqualTo(1);
    JsonNode error = errors.get(0);
    assertThat(error.path("message").stringValue())
        .contains("MissingEpisode.notes")
        .contains("return-interviews");
    assertThat(error.path("path").toString()).isEqualTo("[\"childByForceRef\",\"timeline\",0,\"notes\"]");
    JsonNode extensions = error.path("extensions");
    assertThat(extensions.path("classification").stringValue()).isEqualTo("FORBIDDEN");
    assertThat(extensions.path("field").stringValue()).isEqualTo("MissingEpisode.notes");
    assertThat(extensions.path("pathPattern").stringValue()).isEqualTo("childByForceRef.timeline[*].notes");
    assertThat(extensions.path("required").stringValue()).contains("return-interviews");

    JsonNode timeline = body.at("/data/childByForceRef/timeline");
    assertThat(timeline.size()).isEqualTo(EPISODES);
    for (JsonNode episode : timeline) {
      assertThat(episode.path("status").stringValue()).isEqualTo("FOUND");
      assertThat(episode.path("notes").isNull()).isTrue();
    }
    assertThat(body.toString()).doesNotContain(NOTES);
    assertThat(
            count(
                "MATCH (a:AuditRecord {subject: 'analyst', outcome: 'REFUSED'})"
                    + " WHERE a.detail CONTAINS 'MissingEpisode.notes at childByForceRef.timeline[*].notes'"
                    + " RETURN count(a)"))
        .isEqualTo(1);
  }

  @Test
  void anAnalystReadsEveryInterviewStatusAndIsRefusedTheSummaryOnce() {
    JsonNode body =
        graphQlAs(
            "analyst",
            "INC/2026/0042",
            TIMELINE.formatted("returnInterview { status offeredAt completedAt agency summary }"));

    assertThat(body.path("errors").size()).as(body.toString()).isEqualTo(1);
    JsonNode error = body.path("errors").get(0);
    assertThat(error.path("message").stringValue())
        .isEqualTo(
            "you may not read ReturnInterview.summary: it needs the role analyst or investigator"
                + " and the permission return-interviews");
    assertThat(error.path("path").toString())
        .isEqualTo("[\"childByForceRef\",\"timeline\",0,\"returnInterview\",\"summary\"]");
    assertThat(error.at("/extensions/field").stringValue()).isEqualTo("ReturnInterview.summary");
    assertThat(error.at("/extensions/pathPattern").stringValue())
        .isEqualTo("childByForceRef.timeline[*].returnInterview.summary");
    JsonNode timeline = body.at("/data/childByForceRef/timeline");
    assertThat(timeline.size()).isEqualTo(EPISODES);
    for (JsonNode episode : timeline) {
      JsonNode interview = episode.path("returnInterview");
      assertThat(interview.path("status").stringValue()).isEqualTo("COMPLETED");
      assertThat(interview.path("offeredAt").stringValue()).isNotBlank();
      assertThat(interview.path("completedAt").stringValue()).isNotBlank();
      assertThat(interview.path("agency").stringValue()).isEqualTo("Example return interview service");
      assertThat(interview.path("summary").isNull()).isTrue();
    }
    assertThat(body.toString()).doesNotContain("Met an older male");
    assertThat(
            count(
                "MATCH (a:AuditRecord {subject: 'analyst', outcome: 'REFUSED'}) WHERE a.detail CONTAINS"
                    + " 'ReturnInterview.summary at childByForceRef.timeline[*].returnInterview.summary'"
                    + " RETURN count(a)"))
        .isEqualTo(1);
  }

  @Test
  void twoGuardedFieldsOfAThirtyEpisodeTimelineGiveTwoErrors() {
    JsonNode body =
        graphQlAs(
            "analyst",
            "INC/2026/0042",
            TIMELINE.formatted("notes returnInterview { status disclosures }"));

    assertThat(patterns(body))
        .as(body.toString())
        .containsExactlyInAnyOrder(
            "childByForceRef.timeline[*].notes",
            "childByForceRef.timeline[*].returnInterview.disclosures");
    assertThat(body.at("/data/childByForceRef/timeline/29/returnInterview/status").stringValue())
        .isEqualTo("COMPLETED");
  }

  @Test
  void theInvestigatorWithThePermissionReadsEveryInterviewAndNoteWithNoError() {
    JsonNode body =
        graphQlAs(
            "investigator",
            "INC/2026/0042",
            TIMELINE.formatted("notes returnInterview { status pushFactors pullFactors disclosures summary }"));

    assertThat(body.has("errors")).as(body.toString()).isFalse();
    JsonNode timeline = body.at("/data/childByForceRef/timeline");
    assertThat(timeline.size()).isEqualTo(EPISODES);
    for (JsonNode episode : timeline) {
      assertThat(episode.path("notes").stringValue()).isEqualTo(NOTES);
      assertThat(episode.at("/returnInterview/summary").stringValue()).startsWith("Met an older male");
      assertThat(episode.at("/returnInterview/disclosures/0").stringValue()).isEqualTo("CSE");
    }
    assertThat(count("MATCH (a:AuditRecord {subject: 'investigator', outcome: 'OK'}) RETURN count(a)"))
        .isEqualTo(1);
  }

  @Test
  void theSameFieldByTwoAliasesIsRefusedOncePerAlias() {
    JsonNode body =
        graphQlAs(
            "analyst",
            "INC/2026/0042",
            "{ a: childByForceRef(force: \"GMP\", personRef: \"GMP-P-000451\") { timeline { notes } }"
                + " b: childByForceRef(force: \"GMP\", personRef: \"GMP-P-000451\") { timeline { notes } } }");

    assertThat(patterns(body)).containsExactlyInAnyOrder("a.timeline[*].notes", "b.timeline[*].notes");
  }

  @Test
  void aReadWithoutAPurposeIsRefusedOnceNamingTheFieldAndTheHeader() {
    JsonNode body = graphQlAs("analyst", null, TIMELINE.formatted("notes"));

    assertThat(body.path("errors").size()).as(body.toString()).isEqualTo(1);
    JsonNode error = body.path("errors").get(0);
    assertThat(error.path("message").stringValue()).contains("Query.childByForceRef").contains("X-Purpose");
    assertThat(error.at("/extensions/classification").stringValue()).isEqualTo("FORBIDDEN");
    assertThat(error.at("/extensions/field").stringValue()).isEqualTo("Query.childByForceRef");
    assertThat(error.at("/extensions/pathPattern").stringValue()).isEqualTo("childByForceRef");
    assertThat(error.at("/extensions/required").stringValue()).contains("X-Purpose");
    assertThat(count("MATCH (a:AuditRecord {subject: 'analyst', outcome: 'REFUSED'}) RETURN count(a)"))
        .isEqualTo(1);
  }

  static List<String> patterns(JsonNode body) {
    List<String> patterns = new ArrayList<>();
    body.path("errors").forEach(e -> patterns.add(e.at("/extensions/pathPattern").stringValue()));
    return patterns;
  }

  /** Posts a document as {@code client}, with the purpose if not null; the answer as JSON. */
  JsonNode graphQlAs(String client, String purpose, String document) {
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
            .body(JSON.writeValueAsBytes(Map.of("query", document)))
            .retrieve()
            .body(byte[].class);
    return JSON.readTree(new String(response, StandardCharsets.UTF_8));
  }
}
