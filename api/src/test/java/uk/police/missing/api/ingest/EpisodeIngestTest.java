package uk.police.missing.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.police.missing.api.ApiTest;
import uk.police.missing.graph.testing.GraphDump;
import uk.police.missing.graph.testing.TestNeo4j;

/** The contract's examples pushed over HTTP and read back over GraphQL. */
class EpisodeIngestTest extends ApiTest {

  static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void acceptsEveryValidExampleAndReadsItBackFieldByField() {
    JsonNode report = send(resource("contract/valid.ndjson")).getBody();

    assertThat(report.get("totals").get("accepted").asInt()).isEqualTo(3);
    assertThat(report.get("totals").get("rejected").asInt()).isZero();
    // Each episode stands as its highest version says.
    Map<String, JsonNode> latest = new LinkedHashMap<>();
    for (String line : resource("contract/valid.ndjson").lines().toList()) {
      JsonNode record = JSON.readTree(line);
      latest.merge(
          record.get("force").stringValue() + "|" + record.get("episodeRef").stringValue(),
          record,
          (a, b) -> b.get("recordVersion").asLong() > a.get("recordVersion").asLong() ? b : a);
    }
    for (JsonNode record : latest.values()) {
      Map<String, Object> episode =
          graphQl()
              .documentName("episode")
              .variable("force", record.get("force").stringValue())
              .variable("episodeRef", record.get("episodeRef").stringValue())
              .retrieveSync("episode")
              .toEntity(Map.class);
      JsonNode read = JSON.valueToTree(episode);
      assertThat(read.get("force").get("code").stringValue())
          .isEqualTo(record.get("force").stringValue());
      assertSameFields(record, read, "");
      assertThat(read.get("versions")).hasSize(record.get("recordVersion").asInt());
    }
  }

  @Test
  void rejectsEveryInvalidExampleWithItsReasonAndStoresNothing() {
    JsonNode report = send(resource("contract/invalid.ndjson")).getBody();

    // contract/examples/invalid-reasons.txt, line by line
    List<String[]> expected =
        List.of(
            new String[] {"/child/dateOfBirth", "not a real date"},
            new String[] {"/risk/level", "'ABSENT' is not allowed"},
            new String[] {"/child", "required field 'child' is missing"},
            new String[] {"/child/dateOfBirth", "after the date the episode was reported"},
            new String[] {"/extra", "unknown field 'extra'"},
            new String[] {"/found/place", "uprn, postcode, geo or name"},
            new String[] {"", "not valid JSON"});
    assertThat(report.get("totals").get("rejected").asInt()).isEqualTo(7);
    JsonNode results = report.get("results");
    for (int i = 0; i < expected.size(); i++) {
      JsonNode line = results.get(i);
      String[] want = expected.get(i);
      assertThat(line.get("line").asInt()).isEqualTo(i + 1);
      assertThat(line.get("outcome").stringValue()).isEqualTo("rejected");
      assertThat(line.get("reasons"))
          .as("line %d", i + 1)
          .anySatisfy(
              reason -> {
                assertThat(reason.get("pointer").stringValue()).isEqualTo(want[0]);
                assertThat(reason.get("message").stringValue()).contains(want[1]);
              });
    }
    // A rejected line that can be read as JSON still names its episode, for the sender to find.
    assertThat(results.get(1).get("force").stringValue()).isEqualTo("WMP");
    assertThat(results.get(1).get("episodeRef").stringValue()).isEqualTo("WMP-MIS-26-4410");
    assertThat(results.get(6).has("episodeRef")).isFalse();
    assertThat(count("MATCH (n) WHERE NOT n:Force AND NOT n:__Neo4jMigration AND NOT n:__Neo4jMigrationsLock AND NOT n:AuditRecord AND NOT n:AuditSubject AND NOT n:AuditChain RETURN count(n)"))
        .isZero();
  }

  @Test
  void sendingABatchThreeTimesLeavesTheSameGraph() {
    String batch = resource("contract/valid.ndjson");
    send(batch);
    String once = GraphDump.of(TestNeo4j.driver());

    JsonNode second = send(batch).getBody();
    JsonNode third = send(batch).getBody();

    assertThat(second.get("totals").get("unchanged").asInt()).isEqualTo(3);
    assertThat(third.get("totals").get("unchanged").asInt()).isEqualTo(3);
    assertThat(GraphDump.of(TestNeo4j.driver())).isEqualTo(once);
  }

  @Test
  void versionsInEveryArrivalOrderLeaveTheSameGraph() {
    List<String> lines = resource("contract/valid.ndjson").lines().toList();
    String expected = null;
    for (List<Integer> order : permutations(List.of(0, 1, 2))) {
      TestNeo4j.deleteEpisodeData();
      // One request per line and all lines in one request: both must give one graph.
      for (int i : order) {
        send(lines.get(i));
      }
      String oneByOne = GraphDump.of(TestNeo4j.driver());
      TestNeo4j.deleteEpisodeData();
      send(String.join("\n", order.stream().map(lines::get).toList()));
      String together = GraphDump.of(TestNeo4j.driver());

      assertThat(together).as("order %s in one request", order).isEqualTo(oneByOne);
      if (expected == null) {
        expected = oneByOne;
      }
      assertThat(oneByOne).as("order %s", order).isEqualTo(expected);
    }
    assertThat(count("MATCH (e:MissingEpisode {key: 'GMP|GMP/2026/0113'}) RETURN e.recordVersion"))
        .isEqualTo(2);
  }

  @Test
  void anOlderVersionArrivingAfterANewerOneIsUnchanged() {
    List<String> lines = resource("contract/valid.ndjson").lines().toList();
    send(lines.get(1));

    JsonNode report = send(lines.get(0)).getBody();

    assertThat(report.get("results").get(0).get("outcome").stringValue()).isEqualTo("unchanged");
    assertThat(count("MATCH (e:MissingEpisode {key: 'GMP|GMP/2026/0113'}) RETURN e.recordVersion"))
        .isEqualTo(2);
    assertThat(count("MATCH (e:MissingEpisode {key: 'GMP|GMP/2026/0113'}) RETURN size(e.status)"))
        .isEqualTo("FOUND".length());
  }

  @Test
  void aChangedRecordUnderAnAlreadyStoredVersionIsUnchangedWithANote() {
    String original = resource("contract/valid.ndjson").lines().findFirst().orElseThrow();
    ObjectNode changed = (ObjectNode) JSON.readTree(original);
    changed.put("notes", "edited without a new version");
    send(original);

    JsonNode line = send(JSON.writeValueAsString(changed)).getBody().get("results").get(0);

    assertThat(line.get("outcome").stringValue()).isEqualTo("unchanged");
    assertThat(line.get("note").stringValue()).contains("higher recordVersion");
    assertThat(count("MATCH (e:MissingEpisode) WHERE e.notes IS NOT NULL RETURN count(e)")).isZero();
  }

  @Test
  void aWithdrawnEpisodeStopsCountingButItsHistoryStays() {
    List<String> lines = resource("contract/valid.ndjson").lines().toList();
    send(String.join("\n", lines));
    send(withdrawn(lines.get(1), 3));

    Map<String, Object> record =
        graphQl()
            .documentName("childRecord")
            .variable("force", "GMP")
            .variable("personRef", "GMP-P-000451")
            .retrieveSync("childRecord")
            .toEntity(Map.class);
    assertThat(record.get("episodeCount")).isEqualTo(0);
    assertThat(record.get("withdrawnEpisodeCount")).isEqualTo(1);
    assertThat((List<?>) record.get("episodes")).isEmpty();
    Map<String, Object> withHistory =
        graphQl()
            .documentName("childRecord")
            .variable("force", "GMP")
            .variable("personRef", "GMP-P-000451")
            .variable("includeWithdrawn", true)
            .retrieveSync("childRecord.episodes[0]")
            .toEntity(Map.class);
    assertThat(withHistory.get("withdrawn")).isEqualTo(true);
    assertThat(count("MATCH (:MissingEpisode {key: 'GMP|GMP/2026/0113'})-[:HAS_VERSION]->(v) RETURN count(v)"))
        .isEqualTo(3);
  }

  @Test
  void aLineThatFailsHalfWayThroughItsWriteLeavesNothingOfItselfBehind() {
    // The injected failure: a constraint the service does not know about, broken by the last
    // statement of the line's write (refreshing the force's person records), after its episode,
    // history, child, people and places were already created in the same transaction.
    TestNeo4j.driver()
        .executableQuery(
            "CREATE CONSTRAINT injected_failure IF NOT EXISTS FOR (p:PersonRecord) REQUIRE p.familyName IS UNIQUE")
        .execute();
    try {
      List<String> lines = resource("contract/valid.ndjson").lines().toList();
      ObjectNode poisoned = (ObjectNode) JSON.readTree(lines.get(2));
      poisoned.put("episodeRef", "WMP-POISONED-1");
      ((ObjectNode) poisoned.get("child")).put("personRef", "WMP-POISONED-CHILD");
      ((ObjectNode) poisoned.get("associates").get(0)).put("personRef", "WMP-POISONED-ADULT");
      poisoned.withArray("/found/withPeople").set(0, "WMP-POISONED-ADULT");
      ((ObjectNode) poisoned.get("sightings").get(0)).remove("withPeople");
      ((ObjectNode) poisoned.get("associates").get(0)).put("familyName", "Injectedfailure");
      ObjectNode twin = ((ObjectNode) poisoned.get("associates").get(0)).deepCopy();
      twin.put("personRef", "WMP-POISONED-TWIN");
      poisoned.withArray("/associates").add(twin);
      ((ObjectNode) poisoned.get("found").get("place")).put("name", "Injected Failure Cafe");

      JsonNode report =
          send(lines.get(0) + "\n" + JSON.writeValueAsString(poisoned) + "\n" + lines.get(2))
              .getBody();

      JsonNode results = report.get("results");
      assertThat(results.get(0).get("outcome").stringValue()).isEqualTo("accepted");
      assertThat(results.get(1).get("outcome").stringValue()).isEqualTo("rejected");
      assertThat(results.get(1).get("reasons").get(0).get("message").stringValue())
          .contains("wrote nothing of it")
          .doesNotContain("Injectedfailure");
      assertThat(results.get(2).get("outcome").stringValue()).isEqualTo("accepted");
      assertThat(count("MATCH (e:MissingEpisode {episodeRef: 'WMP-POISONED-1'}) RETURN count(e)")).isZero();
      assertThat(count("MATCH (v:EpisodeRecord {episodeRef: 'WMP-POISONED-1'}) RETURN count(v)")).isZero();
      assertThat(count("MATCH (r) WHERE r.personRef STARTS WITH 'WMP-POISONED' RETURN count(r)")).isZero();
      assertThat(count("MATCH ()-[m {name: 'Injected Failure Cafe'}]->() RETURN count(m)")).isZero();
      assertThat(count("MATCH (p:PlaceRecord) WHERE p.key CONTAINS 'INJECTED' RETURN count(p)")).isZero();
    } finally {
      TestNeo4j.driver().executableQuery("DROP CONSTRAINT injected_failure IF EXISTS").execute();
    }
  }

  ResponseEntity<JsonNode> send(String body) {
    return http(ALL_FORCES_SYSTEM)
        .post()
        .uri("/api/v1/episodes")
        .contentType(NDJSON)
        .body(body)
        .retrieve()
        .onStatus(HttpStatusCode::isError, (request, response) -> {})
        .toEntity(JsonNode.class);
  }

  /** Every field of the record is in the GraphQL answer with the same value. */
  static void assertSameFields(JsonNode expected, JsonNode actual, String path) {
    if (expected.isObject()) {
      assertThat(actual).as(path).isNotNull();
      assertThat(actual.isObject()).as(path).isTrue();
      for (var field : expected.properties()) {
        String name = field.getKey();
        if (path.isEmpty() && (name.equals("schemaVersion") || name.equals("force"))) {
          continue; // the version of the contract, and the force, which GraphQL gives as an object
        }
        assertSameFields(field.getValue(), actual.get(name), path + "/" + name);
      }
    } else if (expected.isArray()) {
      assertThat(actual).as(path).isNotNull();
      assertThat(actual.size()).as(path).isEqualTo(expected.size());
      Iterator<JsonNode> e = expected.values().iterator();
      Iterator<JsonNode> a = actual.values().iterator();
      int i = 0;
      while (e.hasNext()) {
        assertSameFields(e.next(), a.next(), path + "/" + i++);
      }
    } else if (expected.isNumber()) {
      assertThat(actual).as(path).isNotNull();
      assertThat(new BigDecimal(actual.asString()).compareTo(new BigDecimal(expected.asString())))
          .as(path)
          .isZero();
    } else {
      assertThat(actual).as(path).isNotNull();
      assertThat(actual.asString()).as(path).isEqualTo(expected.asString());
    }
  }

  static List<List<Integer>> permutations(List<Integer> items) {
    if (items.isEmpty()) {
      return List.of(List.of());
    }
    List<List<Integer>> all = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      List<Integer> rest = new ArrayList<>(items);
      Integer head = rest.remove(i);
      for (List<Integer> tail : permutations(rest)) {
        List<Integer> p = new ArrayList<>();
        p.add(head);
        p.addAll(tail);
        all.add(p);
      }
    }
    return all;
  }
}
