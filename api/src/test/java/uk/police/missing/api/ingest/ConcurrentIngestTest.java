package uk.police.missing.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.police.missing.api.ApiTest;
import uk.police.missing.graph.testing.GraphDump;
import uk.police.missing.graph.testing.TestNeo4j;

/**
 * Force systems push at the same time, and their records name the same places, phones and
 * vehicles, so their transactions contend for the same nodes and can deadlock. The driver's
 * managed transactions retry such transient failures: every line is settled and the graph is
 * the one the same requests give when sent one after another.
 */
class ConcurrentIngestTest extends ApiTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void concurrentOverlappingRequestsSettleEveryLineAndGiveTheSerialGraph() throws Exception {
    List<String> requests = overlappingRequests(6, 20);
    for (String request : requests) {
      push(request);
    }
    String serial = GraphDump.of(TestNeo4j.driver());
    TestNeo4j.deleteEpisodeData();

    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<JsonNode>> answers = new ArrayList<>();
      for (String request : requests) {
        answers.add(pool.submit((Callable<JsonNode>) () -> push(request)));
      }
      for (Future<JsonNode> answer : answers) {
        JsonNode report = answer.get(2, TimeUnit.MINUTES);
        assertThat(report.get("totals").get("rejected").asInt()).isZero();
        assertThat(report.get("totals").get("accepted").asInt()).isEqualTo(20);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(GraphDump.of(TestNeo4j.driver())).isEqualTo(serial);
  }

  // Each request is one force's episodes; all of them name the same hotel, phone and vehicle.
  private static List<String> overlappingRequests(int count, int linesEach) {
    String template = resource("contract/valid.ndjson").lines().skip(2).findFirst().orElseThrow();
    List<String> requests = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < linesEach; i++) {
        ObjectNode record = (ObjectNode) JSON.readTree(template);
        record.put("episodeRef", "WMP-CONC-" + r + "-" + i);
        ((ObjectNode) record.get("child")).put("personRef", "WMP-CHILD-" + (i % 7));
        body.append(JSON.writeValueAsString(record)).append('\n');
      }
      requests.add(body.toString());
    }
    return requests;
  }
}
