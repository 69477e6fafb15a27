package uk.police.missing.api.loader;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import uk.police.missing.api.audit.AuditTrail;
import uk.police.missing.graph.audit.AuditUnavailableException;
import uk.police.missing.graph.force.ForceCatalogue;
import uk.police.missing.ingest.episode.IngestProperties;
import uk.police.missing.ingest.episode.IngestReport;
import uk.police.missing.ingest.episode.IngestService;
import uk.police.missing.ingest.episode.LineOutcome;
import uk.police.missing.ingest.episode.Outcome;
import uk.police.missing.ingest.episode.StoreUnavailableException;

/**
 * Loads NDJSON files in chunks through {@link IngestService}, drawing a progress bar on standard
 * error and printing a summary, and every rejected line with its reasons, on standard output.
 */
@Component
public class BulkLoader {

  private static final int MAX_CHUNK_LINES = 5_000;
  private static final int SHOWN_REJECTIONS = 50;

  private final IngestService ingest;
  private final AuditTrail audit;
  private final java.util.Set<String> forces;
  private final long chunkBytes;
  private final int chunkLines;
  private final int maxLine;
  private final PrintStream out;
  private final PrintStream err;

  @org.springframework.beans.factory.annotation.Autowired
  BulkLoader(
      IngestService ingest, IngestProperties limits, ForceCatalogue forces, AuditTrail audit) {
    this(ingest, limits, forces, audit, System.out, System.err);
  }

  BulkLoader(
      IngestService ingest,
      IngestProperties limits,
      ForceCatalogue forces,
      AuditTrail audit,
      PrintStream out,
      PrintStream err) {
    this.ingest = ingest;
    this.audit = audit;
    // An operator loading files on the database's own machine is trusted with every force, as
    // anyone with the database's credentials is; force systems over HTTP are not.
    this.forces = forces.codes();
    // Stay well inside the request limits the ingest service enforces.
    this.chunkBytes = Math.max(1, limits.maxBody().toBytes() / 2);
    this.chunkLines = Math.min(MAX_CHUNK_LINES, limits.maxLines());
    this.maxLine = Math.toIntExact(limits.maxLine().toBytes());
    this.out = out;
    this.err = err;
  }

  /**
   * Loads the files in order; returns 0 when every line was stored, 2 when some were rejected,
   * 1 when the database went away (what was loaded before stays; loading again is safe).
   */
  public int run(String... files) throws IOException {
    if (files.length == 0) {
      err.println("usage: load FILE.ndjson [FILE.ndjson ...]");
      return 64;
    }
    String operation = "load " + String.join(" ", files);
    try {
      // Fail closed: a load that cannot be audited does not start.
      audit.recordOperator(operation, "STARTED", null);
    } catch (AuditUnavailableException e) {
      out.println("the audit trail cannot be written, so nothing was loaded");
      return 1;
    }
    long[] totals = new long[3];
    List<String> rejections = new ArrayList<>();
    long started = System.nanoTime();
    for (String name : files) {
      Path file = Path.of(name);
      long size = Files.size(file);
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
        var reader = new LineReader(in, maxLine);
        long firstLine = 1;
        while (true) {
          var chunk = new ByteArrayOutputStream();
          int lines = 0;
          byte[] line;
          while (lines < chunkLines && chunk.size() < chunkBytes && (line = reader.next()) != null) {
            lines++;
            if (line.length > maxLine) {
              // Sent on as a blank line, which ingest skips, so later line numbers still match.
              totals[2]++;
              reject(rejections, name, firstLine + lines - 1, "the line is longer than " + maxLine + " bytes");
              line = new byte[0];
            }
            chunk.write(line);
            chunk.write('\n');
          }
          if (lines == 0) {
            break;
          }
          IngestReport report;
          try {
            report = ingest.ingest(new ByteArrayInputStream(chunk.toByteArray()), forces);
          } catch (StoreUnavailableException e) {
            err.println();
            out.printf(
                "the graph database is unavailable: stopped in %s before line %d. Lines before it"
                    + " are stored; loading the files again is safe.%n",
                name, firstLine);
            recordEnd(operation, "FAILED", totals);
            return 1;
          }
          totals[0] += report.totals().accepted();
          totals[1] += report.totals().unchanged();
          totals[2] += report.totals().rejected();
          for (LineOutcome o : report.results()) {
            if (o.outcome() == Outcome.REJECTED) {
              reject(
                  rejections,
                  name,
                  firstLine + o.line() - 1,
                  String.join(
                      "; ",
                      o.reasons().stream()
                          .map(r -> (r.pointer().isEmpty() ? "" : r.pointer() + " ") + r.message())
                          .toList()));
            }
          }
          firstLine += lines;
          progress(name, reader.bytesRead(), size, totals[0] + totals[1] + totals[2], started);
        }
      }
      err.println();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long total = totals[0] + totals[1] + totals[2];
    out.printf(
        Locale.ROOT,
        "%d records in %.1f s (%.0f records/s): %d accepted, %d unchanged, %d rejected%n",
        total, seconds, total / Math.max(seconds, 1e-9), totals[0], totals[1], totals[2]);
    rejections.forEach(r -> out.println("rejected " + r));
    if (totals[2] > rejections.size()) {
      out.println("... and " + (totals[2] - rejections.size()) + " more rejected lines");
    }
    recordEnd(operation, "OK", totals);
    return totals[2] == 0 ? 0 : 2;
  }

  private void recordEnd(String operation, String outcome, long[] totals) {
    try {
      audit.recordOperator(
          operation,
          outcome,
          totals[0] + " accepted, " + totals[1] + " unchanged, " + totals[2] + " rejected");
    } catch (AuditUnavailableException e) {
      // The start of the load is on record; say that its end is not.
      err.println("the audit trail could not record the end of this load");
    }
  }

  private static void reject(List<String> rejections, String file, long line, String why) {
    if (rejections.size() < SHOWN_REJECTIONS) {
      rejections.add(file + ":" + line + ": " + why);
    }
  }

  /** Splits a stream at newlines only, keeping at most one byte more than the limit of a line. */
  private static final class LineReader {
    private final InputStream in;
    private final int maxLine;
    private long bytesRead;

    LineReader(InputStream in, int maxLine) {
      this.in = in;
      this.maxLine = maxLine;
    }

    byte[] next() throws IOException {
      var line = new ByteArrayOutputStream();
      int b;
      boolean any = false;
      while ((b = in.read()) != -1) {
        any = true;
        bytesRead++;
        if (b == '\n') {
          return line.toByteArray();
        }
        if (line.size() <= maxLine) {
          line.write(b);
        }
      }
      return any ? line.toByteArray() : null;
    }

    long bytesRead() {
      return bytesRead;
    }
  }

  private void progress(String name, long done, long size, long records, long started) {
    int width = 30;
    double fraction = size == 0 ? 1 : Math.min(1, (double) done / size);
    int filled = (int) Math.round(fraction * width);
    double seconds = (System.nanoTime() - started) / 1e9;
    err.printf(
        Locale.ROOT,
        "\r%s [%s%s] %3.0f%% %,d records %,.0f/s",
        name,
        "#".repeat(filled),
        " ".repeat(width - filled),
        fraction * 100,
        records,
        records / Math.max(seconds, 1e-9));
    err.flush();
  }
}
