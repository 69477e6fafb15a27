package uk.police.missing.ingest.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import uk.police.missing.graph.episode.EpisodeWriter;
import uk.police.missing.graph.force.ForceCatalogue;
import uk.police.missing.graph.testing.GraphDump;
import uk.police.missing.graph.testing.TestNeo4j;
import uk.police.missing.ingest.validation.EpisodeValidator;

class IngestServiceTest {

  private static final Set<String> ALL_FORCES = ForceCatalogue.national().codes();

  private final IngestService ingest =
      new IngestService(
          new EpisodeValidator(ForceCatalogue.national().codes()),
          new EpisodeWriter(TestNeo4j.driver(), null),
          new IngestProperties(
              DataSize.ofMegabytes(1), DataSize.ofKilobytes(64), 1000, 2, null));

  @BeforeEach
  void emptyGraph() {
    TestNeo4j.deleteEpisodeData();
  }

  @Test
  void acceptsEveryValidExampleLine() throws IOException {
    IngestReport report = ingest.ingest(resource("contract/valid.ndjson"), ALL_FORCES);

    assertThat(report.results())
        .extracting(LineOutcome::outcome)
        .containsExactly(Outcome.ACCEPTED, Outcome.ACCEPTED, Outcome.ACCEPTED);
    assertThat(report.totals().accepted()).isEqualTo(3);
  }

  @Test
  void replayingABatchChangesNothing() throws IOException {
    ingest.ingest(resource("contract/valid.ndjson"), ALL_FORCES);
    String first = GraphDump.of(TestNeo4j.driver());

    IngestReport second = ingest.ingest(resource("contract/valid.ndjson"), ALL_FORCES);
    IngestReport third = ingest.ingest(resource("contract/valid.ndjson"), ALL_FORCES);

    assertThat(second.results()).extracting(LineOutcome::outcome).containsOnly(Outcome.UNCHANGED);
    assertThat(third.results()).extracting(LineOutcome::outcome).containsOnly(Outcome.UNCHANGED);
    assertThat(GraphDump.of(TestNeo4j.driver())).isEqualTo(first);
  }

  @Test
  void versionsInEveryOrderLeaveTheSameGraph() throws IOException {
    List<String> lines = lines("contract/valid.ndjson");
    List<List<Integer>> orders =
        List.of(
            List.of(0, 1, 2), List.of(0, 2, 1), List.of(1, 0, 2), List.of(1, 2, 0),
            List.of(2, 0, 1), List.of(2, 1, 0));
    String expected = null;
    for (List<Integer> order : orders) {
      TestNeo4j.deleteEpisodeData();
      for (int i : order) {
        ingest.ingest(body(lines.get(i)), ALL_FORCES);
      }
      String dump = GraphDump.of(TestNeo4j.driver());
      if (expected == null) {
        expected = dump;
      }
      assertThat(dump).as("order %s", order).isEqualTo(expected);
    }
  }

  @Test
  void rejectsALeapSecondItCannotStoreAndStoresTheOtherLines() throws IOException {
    List<String> lines = lines("contract/valid.ndjson");
    String leap = lines.get(2).replace("2026-05-03T12:00:00Z", "2016-12-31T23:59:60Z");

    IngestReport report = ingest.ingest(body(lines.get(0), leap), ALL_FORCES);

    assertThat(report.results()).extracting(LineOutcome::outcome)
        .containsExactly(Outcome.ACCEPTED, Outcome.REJECTED);
    assertThat(report.results().get(1).reasons().get(0).message()).contains("cannot be stored");
    assertThat(report.results().get(1).episodeRef()).isEqualTo("WMP-MIS-26-4410");
    assertThat(
            TestNeo4j.driver()
                .executableQuery("MATCH (e:MissingEpisode {force: 'WMP'}) RETURN count(e) AS n")
                .execute().records().get(0).get("n").asLong())
        .isZero();
  }

  @Test
  void refusesAWholeRequestWhenOneLineIsAnotherForcesAndWritesNothing() throws IOException {
    List<String> lines = lines("contract/valid.ndjson");
    String before = GraphDump.of(TestNeo4j.driver());

    // GMP's two lines come first; WMP's record is the last line of the request.
    assertThatThrownBy(() -> ingest.ingest(resource("contract/valid.ndjson"), Set.of("GMP")))
        .isInstanceOf(ForceNotPermittedException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("WMP");
    assertThat(GraphDump.of(TestNeo4j.driver())).isEqualTo(before);
    assertThat(ingest.ingest(body(lines.get(0)), Set.of("GMP")).totals().accepted()).isEqualTo(1);
  }

  @Test
  void refusesAnInvalidLineThatNamesAnotherForceToo() {
    String broken = "{\"force\": \"WMP\", \"episodeRef\": \"x\"}";

    assertThatThrownBy(() -> ingest.ingest(body(broken), Set.of("GMP")))
        .isInstanceOf(ForceNotPermittedException.class);
  }

  static InputStream resource(String name) {
    return IngestServiceTest.class.getClassLoader().getResourceAsStream(name);
  }

  static List<String> lines(String name) throws IOException {
    try (InputStream in = resource(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  static InputStream body(String... lines) {
    return new ByteArrayInputStream(
        (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
