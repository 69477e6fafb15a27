package uk.police.missing.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.police.missing.api.ApiTest;

/**
 * Roles × operations: each caller sees exactly what its role and permissions allow, including
 * what a child said in a return interview, and notes, reached through nested fields and through
 * a link chart, while whether and when the interview was held is open to every reader. The
 * expectation of every cell is written out in {@link #matrix()}.
 */
class RoleMatrixTest extends ApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SUMMARY = "Met an older male online";
  private static final String NOTES = "Seen getting into a silver hatchback near the station";

  /** What a cell of the matrix expects. */
  enum Expect {
    /** Data, no errors. */
    SERVED,
    /** An error with classification FORBIDDEN, and no protected text in the response. */
    REFUSED,
    /** 403 at the door: the request never reaches GraphQL. */
    NOT_ALLOWED_IN
  }

  private static final String PLACES = "{ placesOfConcern(minChildren: 1, minForces: 1) { totalCount } }";
  private static final String TIMELINE =
      "{ childByForceRef(force: \"GMP\", personRef: \"GMP-P-000451\") { timeline { status } } }";
  private static final String TIMELINE_INTERVIEW =
      "{ childByForceRef(force: \"GMP\", personRef: \"GMP-P-000451\") {"
          + " timeline { returnInterview { summary } } } }";
  private static final String TIMELINE_INTERVIEW_PROCESS =
      "{ childByForceRef(force: \"GMP\", personRef: \"GMP-P-000451\") {"
          + " timeline { returnInterview { status offeredAt completedAt agency } } } }";
  private static final String EPISODE_INTERVIEW_FACTORS =
      "{ episode(force: \"GMP\", episodeRef: \"GMP/2026/0113\") {"
          + " returnInterview { pushFactors pullFactors disclosures } } }";
  private static final String RECORD_NOTES =
      "{ childRecord(force: \"GMP\", personRef: \"GMP-P-000451\") { episodes { notes } } }";
  private static final String SEARCH = "{ searchChildren(name: \"Kayla\") { totalCount } }";
  private static final String LINK_CHART_TEMPLATE =
      "{ linkChart(id: \"%s\", depth: 2) { nodes { id kind } } }";
  private static final String LINK_CHART_INTERVIEW_TEMPLATE =
      "{ linkChart(id: \"%s\", depth: 2) { nodes { entity { ... on Child {"
          + " timeline { returnInterview { summary } notes } } } } } }";
  private static final String DECIDE_TEMPLATE =
      "mutation { decideMatch(id: \"%s\", decision: REJECT, reason: \"different people\") { status } }";
  private static final String AUDIT = "{ auditTrail(first: 5) { edges { node { sequence } } } }";
  private static final String CHILDREN = "{ children(minEpisodes: 1) { totalCount } }";
  private static final String EPISODES = "{ episodes(filter: {force: [\"GMP\"]}) { totalCount } }";
  private static final String CORRIDORS = "{ corridors(includeWithin: true) { totalCount } }";
  private static final String GAPS =
      "{ returnInterviewGaps { totalCount summary { found } edges { node { category completedAt } } } }";
  private static final String PLACE_SEARCH = "{ searchPlaces(postcode: \"B1\") { totalCount } }";
  private static final String AUTHORITIES = "{ localAuthorities { code forceArea { code } } }";

  static Stream<Arguments> matrix() {
    List<Arguments> cells = new ArrayList<>();
    // operation, analyst, analyst-with-rhi, investigator, investigator-no-rhi, auditor, force system
    row(cells, "placesOfConcern", PLACES, Expect.SERVED, Expect.SERVED, Expect.SERVED, Expect.SERVED, Expect.REFUSED, Expect.NOT_ALLOWED_IN);
    row(cells, "timeline", TIMELINE, Expect.SERVED, Expect.SERVED, Expect.SERVED, Expect.SERVED, Expect.REFUSED, Expect.NOT_ALLOWED_IN);
    row(cells, "searchChildren", SEARCH, Expect.SERVED, Expect.SERVED, Expect.SERVED, Expect.SERVED, Expect.REFUSED, Expect.NOT_ALLOWED_IN);
    row(cells, "timeline return interview", TIMELINE_INTERVIEW, Expect.REFUSED, Expect.SERVED, Expect.SERVED, Expect.REFUSED, Expect.REFUSED, Expect.NOT_ALLOWED_IN);
    row(cells, "timeline interview status and dates", TIMELINE_INTERVIEW_PROCESS, Expect.SERVED, Expect.SERVED, Expect.SERVED, Expect.SERVED, Expect.REFUSED, Expect.NOT_ALLOWED_IN);
    row(cells, "episode interview factors", EPISODE_INTERVIEW_FACTORS, Expect.REFUSED, Expect.SERVED, Expect.SERVED, Expect.REFUSED, Expect.REFUSED, Expect.NOT_ALLOWED_IN);
    row(cells, "record notes", RECORD_NOTES, Expect.REFUSED, Expect.SERVED, Expect.SERVED, Expect.REFUSED, Expect.REFUSED, Expect.NOT_ALLOWED_IN);
    row(cells, "linkChart", LINK_CHART_TEMPLATE, Expect.REFUSED, Expect.REFUSED, Expect.SERVED, Expect.SERVED, Expect.REFUSED, Expect.NOT_ALLOWED_IN);
    row(cells, "linkChart to return interview", LINK_CHART_INTERVIEW_TEMPLATE, Expect.REFUSED, Expect.REFUSED, Expect.SERVED, Expect.REFUSED, Expect.REFUSED, Expect.NOT_ALLOWED_IN);
    row(cells, "decideMatch", DECIDE_TEMPLATE, Expect.SERVED, Expect.REFUSED, Expect.REFUSED, Expect.REFUSED, Expect.REFUSED, Expect.NOT_ALLOWED_IN);
    row(cells, "children", CHILDREN, Expect.SERVED, Expect.SERVED, Expect.SERVED, Expect.SERVED, Expect.REFUSED, Expect.NOT_ALLOWED_IN);
    row(cells, "episodes", EPISODES, Expect.SERVED, Expect.SERVED, Expect.SERVED, Expect.SERVED, Expect.REFUSED, Expect.NOT_ALLOWED_IN);
    row(cells, "corridors", CORRIDORS, Expect.SERVED, Expect.SERVED, Expect.SERVED, Expect.SERVED, Expect.REFUSED, Expect.NOT_ALLOWED_IN);
    row(cells, "returnInterviewGaps", GAPS, Expect.SERVED, Expect.SERVED, Expect.SERVED, Expect.SERVED, Expect.REFUSED, Expect.NOT_ALLOWED_IN);
    row(cells, "searchPlaces", PLACE_SEARCH, Expect.SERVED, Expect.SERVED, Expect.SERVED, Expect.SERVED, Expect.REFUSED, Expect.NOT_ALLOWED_IN);
    row(cells, "localAuthorities", AUTHORITIES, Expect.SERVED, Expect.SERVED, Expect.SERVED, Expect.SERVED, Expect.SERVED, Expect.NOT_ALLOWED_IN);
    row(cells, "auditTrail", AUDIT, Expect.REFUSED, Expect.REFUSED, Expect.REFUSED, Expect.REFUSED, Expect.SERVED, Expect.NOT_ALLOWED_IN);
    return cells.stream();
  }

  private static void row(List<Arguments> cells, String name, String document, Expect... expects) {
    String[] callers = {"analyst", "analyst-with-rhi", "investigator", "investigator-no-rhi", "auditor", "gmp-case-system"};
    for (int i = 0; i < callers.length; i++) {
      cells.add(Arguments.of(name, callers[i], document, expects[i]));
    }
  }

  private static String childId;
  private static String matchId;

  /**
   * The data is loaded once for the whole matrix: no cell changes it, except decideMatch, which
   * may decide the same match again.
   */
  @Override
  @BeforeEach
  protected void emptyGraph() {
    if (childId == null) {
      super.emptyGraph();
      kaylaWithAnInterviewAndNotes();
    }
  }

  private void kaylaWithAnInterviewAndNotes() {
    List<String> lines = resource("contract/valid.ndjson").lines().toList();
    ObjectNode withNotes = (ObjectNode) JSON.readTree(lines.get(1));
    withNotes.put("notes", NOTES);
    push(lines.get(0) + "\n" + JSON.writeValueAsString(withNotes) + "\n" + lines.get(2));
    childId = childId("GMP", "GMP-P-000451");
    matchId =
        graphQl()
            .document("{ possibleMatches { edges { node { id } } } }")
            .retrieveSync("possibleMatches.edges[0].node.id")
            .toEntity(String.class);
  }

  @ParameterizedTest(name = "{0} as {1}: {3}")
  @MethodSource("matrix")
  void eachCallerSeesExactlyWhatItsRoleAllows(String operation, String caller, String template, Expect expect) {
    String document = template.formatted(template.contains("linkChart") ? childId : matchId);
    ResponseEntity<String> response =
        http(caller)
            .post()
            .uri("/graphql")
            .contentType(MediaType.APPLICATION_JSON)
            .body(JSON.writeValueAsBytes(Map.of("query", document)))
            .retrieve()
            .onStatus(s -> true, (request, reply) -> {})
            .toEntity(String.class);
    String body = response.getBody() == null ? "" : response.getBody();

    switch (expect) {
      case NOT_ALLOWED_IN -> {
        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(body).doesNotContain(SUMMARY).doesNotContain(NOTES).doesNotContainIgnoringCase("Kayla");
      }
      case REFUSED -> {
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode json = JSON.readTree(body.getBytes(StandardCharsets.UTF_8));
        assertThat(json.path("errors").size()).isPositive();
        assertThat(json.path("errors").get(0).path("extensions").path("classification").stringValue())
            .isEqualTo("FORBIDDEN");
        assertThat(body).doesNotContain(SUMMARY).doesNotContain(NOTES);
      }
      case SERVED -> {
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode json = JSON.readTree(body.getBytes(StandardCharsets.UTF_8));
        assertThat(json.has("errors")).as(body).isFalse();
        // The interview's summary, not the gaps' summary of counts (an object).
        if (document.contains("returnInterview { summary")) {
          assertThat(body).contains(SUMMARY);
        }
        if (document.contains("notes")) {
          assertThat(body).contains(NOTES);
        }
      }
    }
  }
}
