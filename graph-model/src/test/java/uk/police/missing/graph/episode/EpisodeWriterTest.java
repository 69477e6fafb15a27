package uk.police.missing.graph.episode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.police.missing.graph.episode.EpisodeWrite.Mention;
import uk.police.missing.graph.episode.EpisodeWrite.PlaceMention;
import uk.police.missing.graph.episode.EpisodeWrite.PlaceRecord;
import uk.police.missing.graph.testing.TestNeo4j;

class EpisodeWriterTest {

  private final EpisodeWriter writer = new EpisodeWriter(TestNeo4j.driver(), null);

  @BeforeEach
  void emptyGraph() {
    TestNeo4j.deleteEpisodeData();
  }

  @Test
  void appliesANewerVersionAndKeepsEveryVersionReceived() {
    var results = writer.write(List.of(episode(1, "Flat 1"), episode(2, "Flat 2")));

    assertThat(results).containsExactly(EpisodeWriter.Result.APPLIED, EpisodeWriter.Result.APPLIED);
    assertThat(count("MATCH (:MissingEpisode {key: 'GMP|EP-1'})-[:HAS_VERSION]->(v) RETURN count(v)"))
        .isEqualTo(2);
    assertThat(count("MATCH (p:Place) RETURN count(p)")).isEqualTo(1);
  }

  @Test
  void anOlderVersionArrivingLateChangesNothing() {
    writer.write(List.of(episode(2, "Flat 2")));

    var results = writer.write(List.of(episode(1, "Flat 1")));

    assertThat(results).containsExactly(EpisodeWriter.Result.UNCHANGED);
    assertThat(count("MATCH (:MissingEpisode)-[:FOUND_AT {name: 'Flat 2'}]->(:PlaceRecord)-[:RECORD_OF]->(p:Place) RETURN count(p)")).isEqualTo(1);
    assertThat(count("MATCH (p:Place) RETURN count(p)")).isEqualTo(1);
  }

  @Test
  void theSameVersionWithOtherContentKeepsTheFirst() {
    writer.write(List.of(episode(1, "Flat 1")));

    var results = writer.write(List.of(episode(1, "Flat 9")));

    assertThat(results).containsExactly(EpisodeWriter.Result.CONFLICTING_VERSION);
  }

  private static long count(String cypher) {
    return TestNeo4j.driver().executableQuery(cypher).execute().records().get(0).get(0).asLong();
  }

  static EpisodeWrite episode(long version, String placeName) {
    Map<String, Object> episode = new HashMap<>();
    episode.put("reportedAt", OffsetDateTime.parse("2026-01-02T03:04:05Z"));
    episode.put("status", "MISSING");
    episode.put("withdrawn", false);
    Map<String, Object> child = new HashMap<>();
    child.put("personRef", "C-1");
    child.put("givenName", "Testchild");
    child.put("familyName", "Example");
    child.put("dateOfBirth", LocalDate.parse("2012-01-01"));
    Map<String, Object> person = new HashMap<>(Map.of("personRef", "P-1", "role", "PEER", "ordinal", 0));
    return new EpisodeWrite(
        "GMP",
        "EP-1",
        version,
        "{\"v\":" + version + ",\"p\":\"" + placeName + "\"}",
        "sha-" + version + placeName,
        episode,
        new Mention("CONCERNS", "GMP|C-1", child),
        List.of(new Mention("INVOLVES", "GMP|P-1", person)),
        List.of(new Mention("WITH", "GMP|P-1", Map.of("context", "FOUND", "ordinal", 0))),
        List.of(
            new PlaceMention(
                "FOUND_AT",
                new PlaceRecord(
                    "|||" + placeName.toUpperCase() + "||",
                    List.of("place:name:" + placeName.toUpperCase() + "|"),
                    placeName.toUpperCase(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
                Map.of("name", placeName))),
        List.of(new Mention("LINKED_PHONE", "+447700900000", Map.of("asRecorded", "07700 900000", "ordinal", 0))),
        List.of(new Mention("LINKED_VEHICLE", "AB12CDE", Map.of("registration", "ab12 cde", "ordinal", 0))));
  }
}
