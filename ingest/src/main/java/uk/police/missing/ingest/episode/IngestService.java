package uk.police.missing.ingest.episode;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.police.missing.graph.episode.EpisodeWrite;
import uk.police.missing.graph.episode.EpisodeWriter;
import uk.police.missing.ingest.validation.EpisodeValidator;
import uk.police.missing.ingest.validation.LineValidation;
import uk.police.missing.ingest.validation.Reason;

/**
 * Takes one NDJSON request from a force system and settles every line of it.
 *
 * <p>Two passes. The first reads the body as a stream, judges each line against the contract and
 * puts the valid ones aside in a private spool file, so the body is never held in memory and a
 * request that breaks a limit is refused before anything is written. The second writes the
 * valid lines in batches; if a batch fails for a reason other than the database being away, its
 * lines are written one by one so that one bad line cannot sink its neighbours.
 */
public final class IngestService {

  private static final Logger log = LoggerFactory.getLogger(IngestService.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final EpisodeValidator validator;
  private final EpisodeWriter writer;
  private final IngestProperties properties;

  public IngestService(
      EpisodeValidator validator, EpisodeWriter writer, IngestProperties properties) {
    this.validator = validator;
    this.writer = writer;
    this.properties = properties;
  }

  /**
   * Reads, validates and stores a request body from a sender that may write the records of the
   * given forces only.
   *
   * @param permittedForces the force codes the sender may write; a request with any line that
   *     names another force is refused whole
   * @throws IngestLimitExceededException when the body breaks a limit; nothing was written
   * @throws ForceNotPermittedException when a line names a force the sender may not write;
   *     nothing was written
   * @throws StoreUnavailableException when the database went away part-way
   */
  public IngestReport ingest(InputStream body, Set<String> permittedForces) throws IOException {
    Path spool = createSpool();
    try {
      List<LineOutcome> outcomes = new ArrayList<>();
      readAndJudge(body, spool, outcomes, Set.copyOf(permittedForces));
      writeSpooled(spool, outcomes);
      outcomes.sort((a, b) -> Long.compare(a.line(), b.line()));
      IngestReport report = IngestReport.of(outcomes);
      log.info(
          "ingest request: {} lines, {} accepted, {} unchanged, {} rejected",
          report.totals().lines(),
          report.totals().accepted(),
          report.totals().unchanged(),
          report.totals().rejected());
      return report;
    } finally {
      Files.deleteIfExists(spool);
    }
  }

  // Every line is judged before anything is written, so a line for another force, wherever it is
  // in the request, stops the whole request before the first write.
  private void readAndJudge(
      InputStream body, Path spool, List<LineOutcome> outcomes, Set<String> permittedForces)
      throws IOException {
    var lines =
        new NdjsonLines(
            body,
            properties.maxBody().toBytes(),
            Math.toIntExact(properties.maxLine().toBytes()),
            properties.maxLines());
    try (BufferedWriter out = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
      NdjsonLines.Line line;
      while ((line = lines.next()) != null) {
        if (line.text() == null) {
          outcomes.add(
              rejected(line.number(), null, List.of(new Reason("", "the line is not valid UTF-8"))));
          continue;
        }
        LineValidation judged = validator.validate(line.text());
        JsonNode record =
            judged instanceof LineValidation.Valid valid
                ? valid.record()
                : readableParts(line.text());
        String force = forceOf(record);
        if (force != null && !permittedForces.contains(force)) {
          throw new ForceNotPermittedException(line.number(), force);
        }
        if (judged instanceof LineValidation.Invalid invalid) {
          outcomes.add(rejected(line.number(), record, invalid.reasons()));
          continue;
        }
        out.write(Long.toString(line.number()));
        out.write('\t');
        out.write(line.text());
        out.write('\n');
      }
    }
  }

  private void writeSpooled(Path spool, List<LineOutcome> outcomes) throws IOException {
    List<Pending> batch = new ArrayList<>(properties.batchSize());
    try (BufferedReader in = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
      String spooled;
      while ((spooled = in.readLine()) != null) {
        int tab = spooled.indexOf('\t');
        long number = Long.parseLong(spooled.substring(0, tab));
        String text = spooled.substring(tab + 1);
        JsonNode record = JSON.readTree(text);
        try {
          batch.add(new Pending(number, record, EpisodeMapper.map(record, text, sha256(text))));
        } catch (DateTimeException e) {
          // A value the schema allows but java.time cannot hold, such as a leap second.
          outcomes.add(
              rejected(
                  number,
                  record,
                  List.of(new Reason("", "a date or time cannot be stored: " + e.getMessage()))));
          continue;
        }
        if (batch.size() == properties.batchSize()) {
          write(batch, outcomes);
          batch.clear();
        }
      }
    }
    write(batch, outcomes);
  }

  private void write(List<Pending> batch, List<LineOutcome> outcomes) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      List<EpisodeWriter.Result> results = writer.write(batch.stream().map(Pending::write).toList());
      for (int i = 0; i < batch.size(); i++) {
        outcomes.add(outcome(batch.get(i), results.get(i)));
      }
    } catch (ServiceUnavailableException | SessionExpiredException | TransientException e) {
      throw new StoreUnavailableException(outcomes, e);
    } catch (Neo4jException | IllegalStateException e) {
      if (batch.size() == 1) {
        String errorId = UUID.randomUUID().toString();
        // The exception text may quote values from the record: log only its class and code.
        log.error(
            "error {}: could not store line {}: {} {}",
            errorId,
            batch.get(0).line(),
            e.getClass().getSimpleName(),
            e instanceof Neo4jException n ? n.code() : "");
        outcomes.add(
            rejected(
                batch.get(0).line(),
                batch.get(0).record(),
                List.of(
                    new Reason(
                        "",
                        "the service could not store this record and wrote nothing of it (error "
                            + errorId
                            + "); send it again, and quote the error id if it fails again"))));
        return;
      }
      for (Pending one : batch) {
        write(List.of(one), outcomes);
      }
    }
  }

  private static LineOutcome outcome(Pending p, EpisodeWriter.Result result) {
    EpisodeWrite w = p.write();
    return switch (result) {
      case APPLIED ->
          new LineOutcome(
              p.line(), Outcome.ACCEPTED, w.force(), w.episodeRef(), w.recordVersion(), null, null);
      case UNCHANGED ->
          new LineOutcome(
              p.line(), Outcome.UNCHANGED, w.force(), w.episodeRef(), w.recordVersion(), null, null);
      case CONFLICTING_VERSION ->
          new LineOutcome(
              p.line(),
              Outcome.UNCHANGED,
              w.force(),
              w.episodeRef(),
              w.recordVersion(),
              null,
              "this recordVersion is already stored with different content; the stored record"
                  + " stands. Send a change with a higher recordVersion.");
    };
  }

  // A rejected line still names its episode when it can, so the sender can find the record.
  private static LineOutcome rejected(long line, JsonNode record, List<Reason> reasons) {
    String force = null;
    String episodeRef = null;
    Long version = null;
    if (record != null && record.isObject()) {
      force = record.path("force").isString() ? record.get("force").stringValue() : null;
      episodeRef =
          record.path("episodeRef").isString() ? record.get("episodeRef").stringValue() : null;
      JsonNode v = record.path("recordVersion");
      version = v.isIntegralNumber() && v.canConvertToLong() ? v.longValue() : null;
    }
    return new LineOutcome(line, Outcome.REJECTED, force, episodeRef, version, reasons, null);
  }

  private static String forceOf(JsonNode record) {
    return record != null && record.isObject() && record.path("force").isString()
        ? record.get("force").stringValue()
        : null;
  }

  private static JsonNode readableParts(String text) {
    try {
      return JSON.readTree(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private Path createSpool() throws IOException {
    // createTempFile makes the file readable by its owner only: it holds children's records.
    return properties.spoolDirectory() == null
        ? Files.createTempFile("ingest-", ".ndjson")
        : Files.createTempFile(properties.spoolDirectory(), "ingest-", ".ndjson");
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private record Pending(long line, JsonNode record, EpisodeWrite write) {}
}
