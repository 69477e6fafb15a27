package uk.police.missing.api.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import uk.police.missing.api.ApiTest;
import uk.police.missing.graph.force.ForceCatalogue;
import uk.police.missing.graph.testing.TestNeo4j;
import uk.police.missing.ingest.episode.IngestProperties;
import uk.police.missing.ingest.episode.IngestService;

class BulkLoaderTest extends ApiTest {

  @Autowired private uk.police.missing.api.audit.AuditTrail audit;

  @Autowired IngestService ingest;
  @Autowired IngestProperties limits;
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void loadsFilesThroughTheIngestPathAndSummarisesWithFileAndLineOfEachRejection()
      throws Exception {
    Path valid = dir.resolve("valid.ndjson");
    Path invalid = dir.resolve("invalid.ndjson");
    Files.writeString(valid, resource("contract/valid.ndjson"));
    Files.writeString(invalid, resource("contract/invalid.ndjson"));

    int status = loader().run(valid.toString(), invalid.toString());

    String summary = out.toString(StandardCharsets.UTF_8);
    assertThat(status).isEqualTo(2);
    assertThat(summary).contains("10 records").contains("3 accepted, 0 unchanged, 7 rejected");
    assertThat(summary).contains("rejected " + invalid + ":1: /child/dateOfBirth");
    assertThat(summary).contains("rejected " + invalid + ":7: ");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("100%");
    assertThat(count("MATCH (e:MissingEpisode) RETURN count(e)")).isEqualTo(2);
  }

  @Test
  void aLoadIsAuditedAndDoesNotStartWhenTheTrailCannotBeWritten() throws Exception {
    Path valid = dir.resolve("valid.ndjson");
    Files.writeString(valid, resource("contract/valid.ndjson"));
    TestNeo4j.resetAuditTrail();

    loader().run(valid.toString());

    assertThat(count("MATCH (a:AuditRecord) WHERE a.operation STARTS WITH 'load ' RETURN count(a)"))
        .isEqualTo(2);
    TestNeo4j.deleteEpisodeData();
    TestNeo4j.driver().executableQuery("MATCH (h:AuditChain) DETACH DELETE h").execute();
    try {
      assertThat(loader().run(valid.toString())).isEqualTo(1);
      assertThat(count("MATCH (e:MissingEpisode) RETURN count(e)")).isZero();
    } finally {
      TestNeo4j.resetAuditTrail();
    }
  }

  @Test
  void loadsAFileLargerThanOneChunkWithLineNumbersCountedAcrossChunks() throws Exception {
    String line = resource("contract/valid.ndjson").lines().findFirst().orElseThrow();
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < 450; i++) {
      file.append(line.replace("GMP/2026/0113", "GMP/BULK/" + i)).append('\n');
    }
    file.append("{not json\n");
    Path path = dir.resolve("bulk.ndjson");
    Files.writeString(path, file);

    int status = loader().run(path.toString());

    assertThat(status).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("450 accepted")
        .contains("rejected " + path + ":451: ");
    assertThat(count("MATCH (e:MissingEpisode) RETURN count(e)")).isEqualTo(450);
  }

  @Test
  void rejectsAnOverlongOrNonUtf8LineWithItsFileLineAndLoadsTheRest() throws Exception {
    String[] valid = resource("contract/valid.ndjson").lines().toArray(String[]::new);
    Path path = dir.resolve("mixed.ndjson");
    try (var file = Files.newOutputStream(path)) {
      file.write((valid[0] + "\n").getBytes(StandardCharsets.UTF_8));
      file.write(("{\"notes\": \"" + "z".repeat(70 * 1024) + "\"}\n").getBytes(StandardCharsets.UTF_8));
      file.write(new byte[] {'{', (byte) 0xff, '}', '\n'});
      file.write((valid[2] + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    int status = loader().run(path.toString());

    String summary = out.toString(StandardCharsets.UTF_8);
    assertThat(status).isEqualTo(2);
    assertThat(summary).contains("2 accepted, 0 unchanged, 2 rejected");
    assertThat(summary).contains("rejected " + path + ":2: the line is longer than");
    assertThat(summary).contains("rejected " + path + ":3: the line is not valid UTF-8");
  }

  @Test
  void replayingAFileChangesNothingAndExitsZero() throws Exception {
    Path valid = dir.resolve("valid.ndjson");
    Files.writeString(valid, resource("contract/valid.ndjson"));
    loader().run(valid.toString());
    out.reset();

    int status = loader().run(valid.toString());

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 accepted, 3 unchanged, 0 rejected");
  }

  private BulkLoader loader() {
    return new BulkLoader(
        ingest,
        limits,
        ForceCatalogue.national(),
        audit,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
