package uk.police.missing.api.loader;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import uk.police.missing.ingest.episode.IngestProperties;
import uk.police.missing.ingest.episode.IngestReport;
import uk.police.missing.ingest.episode.IngestService;
import uk.police.missing.ingest.episode.LineOutcome;
import uk.police.missing.ingest.episode.Outcome;

/**
 * Loads NDJSON files in chunks through {@link IngestService}, drawing a progress bar on standard
 * error and printing a summary, and every rejected line with its reasons, on standard output.
 */
@Component
public class BulkLoader {

  private static final int MAX_CHUNK_LINES = 5_000;
  private static final int SHOWN_REJECTIONS = 50;

  private final IngestService ingest;
  private final long chunkBytes;
  private final int chunkLines;
  private final PrintStream out;
  private final PrintStream err;

  @org.springframework.beans.factory.annotation.Autowired
  BulkLoader(IngestService ingest, IngestProperties limits) {
    this(ingest, limits, System.out, System.err);
  }

  BulkLoader(IngestService ingest, IngestProperties limits, PrintStream out, PrintStream err) {
    this.ingest = ingest;
    // Stay well inside the request limits the ingest service enforces.
    this.chunkBytes = Math.max(1, limits.maxBody().toBytes() / 2);
    this.chunkLines = Math.min(MAX_CHUNK_LINES, limits.maxLines());
    this.out = out;
    this.err = err;
  }

  /** Loads the files in order; returns 0 when every line was stored, 2 when some were rejected. */
  public int run(String... files) throws IOException {
    if (files.length == 0) {
      err.println("usage: load FILE.ndjson [FILE.ndjson ...]");
      return 64;
    }
    long accepted = 0;
    long unchanged = 0;
    long rejected = 0;
    List<String> rejections = new ArrayList<>();
    long started = System.nanoTime();
    for (String name : files) {
      Path file = Path.of(name);
      long size = Files.size(file);
      long done = 0;
      long lineNumber = 0;
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        while (true) {
          var chunk = new ByteArrayOutputStream();
          long firstLine = lineNumber + 1;
          int lines = 0;
          String line;
          while (lines < chunkLines
              && chunk.size() < chunkBytes
              && (line = in.readLine()) != null) {
            byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
            chunk.write(bytes);
            done += bytes.length;
            lines++;
            lineNumber++;
          }
          if (lines == 0) {
            break;
          }
          IngestReport report = ingest.ingest(new ByteArrayInputStream(chunk.toByteArray()));
          accepted += report.totals().accepted();
          unchanged += report.totals().unchanged();
          rejected += report.totals().rejected();
          for (LineOutcome o : report.results()) {
            if (o.outcome() == Outcome.REJECTED && rejections.size() < SHOWN_REJECTIONS) {
              rejections.add(
                  name + ":" + (firstLine + o.line() - 1) + ": "
                      + String.join(
                          "; ",
                          o.reasons().stream()
                              .map(r -> (r.pointer().isEmpty() ? "" : r.pointer() + " ") + r.message())
                              .toList()));
            }
          }
          progress(name, done, size, accepted + unchanged + rejected, started);
        }
      }
      err.println();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long total = accepted + unchanged + rejected;
    out.printf(
        Locale.ROOT,
        "%d records in %.1f s (%.0f records/s): %d accepted, %d unchanged, %d rejected%n",
        total, seconds, total / Math.max(seconds, 1e-9), accepted, unchanged, rejected);
    rejections.forEach(r -> out.println("rejected " + r));
    if (rejected > rejections.size()) {
      out.println("... and " + (rejected - rejections.size()) + " more rejected lines");
    }
    return rejected == 0 ? 0 : 2;
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
