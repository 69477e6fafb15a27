package uk.police.missing.api.benchmark;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.util.FileSystemUtils;
import uk.police.missing.api.MissingChildrenApplication;
import uk.police.missing.graph.embedded.EmbeddedNeo4j;
import uk.police.missing.graph.intelligence.EpisodeFilter;
import uk.police.missing.ingest.synthetic.NationalGenerator;

/**
 * Generates national data, ingests it through the HTTP endpoint, times the intelligence queries
 * over GraphQL and the same Cypher over Bolt, and a raw UNWIND load of the same records; writes
 * the figures to docs/benchmarks.md. Runs only with {@code ./mvnw -Pbenchmark -pl api -am verify}
 * ({@code -Dbenchmark.years=N}, {@code -Dbenchmark.children=N}, {@code -Dbenchmark.senders=N},
 * {@code -Dbenchmark.page-cache=4GB}). It measures; it asserts nothing.
 */
class NationalBenchmark {

  static final int REQUEST_LINES = 10_000;
  static final int RUNS = 20;
  static final int WARM_UP = 10;
  // A question slower than this at p95 over Bolt gets its statements' database hits listed.
  static final double SLOW_MS = 50;
  static final OffsetDateTime START = OffsetDateTime.parse("2016-01-01T00:00:00Z");
  // A query slower than these budgets is warmed up and timed over fewer runs (the table says
  // how many): at ten years the worst cases take seconds each, and the run must still end.
  static final long BUDGET_NANOS = 90_000_000_000L;
  static final long WARM_UP_BUDGET_NANOS = 30_000_000_000L;
  static final int MIN_RUNS = 3;
  static final Supplier<Integer> CHILDREN_PER_YEAR = () -> Integer.getInteger("benchmark.children", 75_000);

  @Test
  void ingestAndQueryNationalData() throws Exception {
    // A coverage or profiling agent instruments Neo4j as well as the service, and the figures
    // would be its own: one year ingested at two thirds of the speed with JaCoCo attached.
    var agents =
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> a.startsWith("-javaagent") || a.startsWith("-agentlib") || a.startsWith("-agentpath"))
            .toList();
    if (!agents.isEmpty()) {
      throw new IllegalStateException("the benchmark runs without agents; attached: " + agents);
    }
    int years = Integer.getInteger("benchmark.years", 1);
    int children = Integer.getInteger("benchmark.children", 75_000);
    Path work = Files.createTempDirectory("missing-benchmark");
    List<String> report = new ArrayList<>();
    try {
      Path data = work.resolve("national.ndjson");
      long started = System.nanoTime();
      NationalGenerator.Planted planted;
      try (BufferedWriter out = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
        planted =
            new NationalGenerator()
                .generate(
                    new NationalGenerator.Options(children, years, 1, START.toLocalDate()),
                    line -> {
                      try {
                        out.write(line);
                        out.write('\n');
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                    });
      }
      System.err.printf("generated %d records in %.1f s%n", planted.records(), secs(started));

      var app =
          new SpringApplicationBuilder(MissingChildrenApplication.class)
              .run(
                  "--server.port=0",
                  "--missing.embedded-neo4j.data-directory=" + work.resolve("store"),
                  "--missing.embedded-neo4j.bolt-port=0",
                  "--missing.embedded-neo4j.page-cache=" + System.getProperty("benchmark.page-cache", "4GB"),
                  "--missing.ingest.max-lines=" + REQUEST_LINES,
                  "--logging.level.root=WARN",
                  // Its own clients of the development issuer: a loader for every force (the
                  // generated data spans them all) and a reader.
                  "--missing.security.dev-issuer.token-lifetime=24h",
                  "--missing.security.dev-issuer.clients.benchmark-loader.secret=benchmark-loader-secret",
                  "--missing.security.dev-issuer.clients.benchmark-loader.roles=force-system",
                  "--missing.security.dev-issuer.clients.benchmark-loader.forces="
                      + String.join(",", uk.police.missing.graph.force.ForceCatalogue.national().codes()),
                  "--missing.security.dev-issuer.clients.benchmark-reader.secret=benchmark-reader-secret",
                  "--missing.security.dev-issuer.clients.benchmark-reader.roles=analyst,investigator");
      try (app) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpClient http = HttpClient.newHttpClient();
        loaderToken = token(http, port, "benchmark-loader");
        readerToken = token(http, port, "benchmark-reader");

        // Ingest through the HTTP endpoint, in requests a force system might send, from
        // benchmark.senders concurrent senders (as several force systems would send at once).
        int senders = Integer.getInteger("benchmark.senders", 2);
        started = System.nanoTime();
        var accepted = new java.util.concurrent.atomic.AtomicLong();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(senders);
        var inFlight = new java.util.concurrent.Semaphore(senders * 2);
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        long ingestStarted = started;
        try (BufferedReader in = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
          List<String> lines = new ArrayList<>();
          String line;
          while ((line = in.readLine()) != null) {
            lines.add(line);
            if (lines.size() == REQUEST_LINES) {
              sent.add(send(pool, inFlight, http, port, lines, accepted, ingestStarted));
              lines = new ArrayList<>();
            }
          }
          sent.add(send(pool, inFlight, http, port, lines, accepted, ingestStarted));
          for (var request : sent) {
            request.get();
          }
        } finally {
          pool.shutdown();
        }
        double ingestSeconds = secs(started);

        var neo4j = app.getBean(org.springframework.data.neo4j.core.Neo4jClient.class);
        var profiling = new ProfilingDriver(app.getBean(org.neo4j.driver.Driver.class));
        var plain = AnalystQuestions.Readers.on(neo4j);
        var profiled =
            AnalystQuestions.Readers.on(org.springframework.data.neo4j.core.Neo4jClient.create(profiling.driver()));
        String hotspot = plain.rankings().places(EpisodeFilter.none(), 3, 2, 0, 1).items().get(0).entityId();
        String postcode = planted.hotspots().get(0).postcode();

        report.add("| question | GraphQL over HTTP median / p95 (ms) | its statements over Bolt median / p95 (ms) | database hits (all its statements) |");
        report.add("|---|---|---|---|");
        List<String> plans = new ArrayList<>();
        for (var question : AnalystQuestions.all(START, years, hotspot, postcode)) {
          // A worst case that fails (past the GraphQL timeout, or past the database's memory
          // limit for one transaction) is a finding, not a reason to lose the run: its row says
          // how it failed, and the other questions are still measured.
          Timed viaHttp = timed(() -> graphQl(http, port, question.graphQl()));
          Timed viaBolt = timed(() -> question.bolt().apply(plain));
          try {
            question.bolt().apply(profiled);
          } catch (RuntimeException failed) {
            System.err.println(question.name() + " profiled: " + failed);
          }
          var statements = profiling.take();
          long hits = statements.stream().mapToLong(ProfilingDriver.Profile::dbHits).sum();
          String line = String.format(Locale.ROOT, "| %s | %s | %s | %,d |", question.name(), viaHttp.cell(), viaBolt.cell(), hits);
          System.err.println(line);
          report.add(line);
          if (viaBolt.p95() > SLOW_MS) {
            plans.add("- " + question.name() + ": " + String.join("; ",
                statements.stream().map(p -> String.format(Locale.ROOT, "`%s` %,d", p.statement(), p.dbHits())).toList()));
          }
        }
        if (!plans.isEmpty()) {
          report.add("");
          report.add("Database hits of each statement of the questions slower than " + SLOW_MS + " ms at p95 over Bolt:");
          report.add("");
          report.addAll(plans);
        }
        report.addAll(IdentityQuality.measure(neo4j, planted));

        // The raw load: the same records, each MERGEd by key with its text, in one Bolt batch
        // of 5,000 at a time, on a fresh in-process server: the floor for storing them at all.
        double rawSeconds;
        try (var raw = EmbeddedNeo4j.start(work.resolve("raw"), "localhost", 0, 1L << 30);
            var driver = GraphDatabase.driver(raw.boltUri(), AuthTokens.none())) {
          driver.executableQuery("CREATE CONSTRAINT FOR (e:RawEpisode) REQUIRE e.key IS UNIQUE").execute();
          started = System.nanoTime();
          try (BufferedReader in = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            String line;
            int i = 0;
            while ((line = in.readLine()) != null) {
              rows.add(Map.of("key", Integer.toString(i++), "payload", line));
              if (rows.size() == 5_000) {
                rawBatch(driver, rows);
                rows.clear();
              }
            }
            rawBatch(driver, rows);
          }
          rawSeconds = secs(started);
        }

        report.add(0, "");
        report.add(0, String.format(Locale.ROOT,
            "| raw UNWIND load of the same records over Bolt | %.1f s | %.0f records/s | |", rawSeconds, planted.records() / rawSeconds));
        report.add(0, String.format(Locale.ROOT,
            "| ingest through POST /api/v1/episodes, %d concurrent senders | %.1f s | %.0f records/s | %.2f × raw |",
            senders, ingestSeconds, planted.records() / ingestSeconds, rawSeconds / ingestSeconds));
        report.add(0, "|---|---|---|---|");
        report.add(0, "| load | time | rate | against raw |");
        report.add(0, "");
        report.add(0, String.format(Locale.ROOT,
            "Data: %d %s, %d children a year, %d records (%d accepted); %d planted hotspots.",
            years, years == 1 ? "year" : "years", children, planted.records(), accepted.get(), planted.hotspots().size()));
      }
    } finally {
      FileSystemUtils.deleteRecursively(work);
    }
    write(years, report);
  }

  private static java.util.concurrent.Future<?> send(
      java.util.concurrent.ExecutorService pool,
      java.util.concurrent.Semaphore inFlight,
      HttpClient http,
      int port,
      List<String> lines,
      java.util.concurrent.atomic.AtomicLong accepted,
      long started)
      throws InterruptedException {
    inFlight.acquire();
    return pool.submit(
        () -> {
          try {
            long total = accepted.addAndGet(post(http, port, lines));
            System.err.printf("ingested %d records, %.0f/s%n", total, total / secs(started));
            return null;
          } finally {
            inFlight.release();
          }
        });
  }

  private static String loaderToken;
  private static String readerToken;

  private static String token(HttpClient http, int port, String client) throws Exception {
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString((client + ":" + client + "-secret").getBytes(StandardCharsets.UTF_8));
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String json = response.body();
    int at = json.indexOf("\"access_token\":\"") + "\"access_token\":\"".length();
    return json.substring(at, json.indexOf('"', at));
  }

  private static long post(HttpClient http, int port, List<String> lines) throws Exception {
    if (lines.isEmpty()) {
      return 0;
    }
    var body = new ByteArrayOutputStream();
    for (String l : lines) {
      body.write(l.getBytes(StandardCharsets.UTF_8));
      body.write('\n');
    }
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/episodes"))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + loaderToken)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String json = response.body();
    int at = json.indexOf("\"accepted\":") + "\"accepted\":".length();
    return Long.parseLong(json.substring(at, json.indexOf(',', at)));
  }

  private static Object graphQl(HttpClient http, int port, String query) {
    try {
      String body = "{\"query\":" + quote(query) + "}";
      var response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + readerToken)
                  .header("X-Purpose", "BENCHMARK")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.body().contains("\"errors\"")) {
        throw new IllegalStateException(response.body());
      }
      return response.body();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  // A table cell, "median / p95 (runs)" or how the question failed; a failed question counts as
  // slow, so its statements' hits are listed.
  private record Timed(String cell, double p95) {}

  private static Timed timed(Supplier<Object> call) {
    try {
      double[] ms = time(call);
      return new Timed(String.format(Locale.ROOT, "%.1f / %.1f (%.0f runs)", ms[0], ms[1], ms[2]), ms[1]);
    } catch (RuntimeException failed) {
      String why = String.valueOf(failed.getMessage()).replace('|', '/').replace('\n', ' ');
      System.err.println("failed: " + why);
      return new Timed("failed: " + (why.length() > 160 ? why.substring(0, 160) + "…" : why), Double.POSITIVE_INFINITY);
    }
  }

  // Median and 95th percentile in milliseconds, and the number of runs, after a warm-up long
  // enough for the JIT to compile the request path, as it is in a service that has run a while.
  private static double[] time(Supplier<Object> call) {
    long warming = System.nanoTime();
    for (int i = 0; i < WARM_UP && (i == 0 || System.nanoTime() - warming < WARM_UP_BUDGET_NANOS); i++) {
      call.get();
    }
    List<Double> ms = new ArrayList<>();
    long started = System.nanoTime();
    while (ms.size() < RUNS && (ms.size() < MIN_RUNS || System.nanoTime() - started < BUDGET_NANOS)) {
      long t = System.nanoTime();
      call.get();
      ms.add((System.nanoTime() - t) / 1e6);
    }
    Collections.sort(ms);
    return new double[] {
      ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.95) - 1), ms.size()
    };
  }

  private static void rawBatch(org.neo4j.driver.Driver driver, List<Map<String, Object>> rows) {
    if (!rows.isEmpty()) {
      driver
          .executableQuery("UNWIND $rows AS r MERGE (e:RawEpisode {key: r.key}) SET e.payload = r.payload")
          .withParameters(Map.of("rows", rows))
          .execute();
    }
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static double secs(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  private static void write(int years, List<String> figures) throws IOException {
    Path file = Path.of(System.getProperty("benchmark.out", "../docs/benchmarks.md"));
    String heading =
        "## " + years + (years == 1 ? " year" : " years") + " of national data, "
            + CHILDREN_PER_YEAR.get() + " children a year";
    String machine = String.format(Locale.ROOT,
        "Run %s on %d cores, %d MiB max heap, %s Neo4j page cache, Java %s (%s), %s %s.",
        LocalDate.now(), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("benchmark.page-cache", "4GB"), System.getProperty("java.version"),
        System.getProperty("java.vendor"), System.getProperty("os.name"), System.getProperty("os.arch"));
    String section = heading + "\n\n" + machine + "\n" + String.join("\n", figures) + "\n";
    String existing = Files.exists(file) ? Files.readString(file) : "";
    int at = existing.indexOf(heading);
    String updated;
    if (at >= 0) {
      int end = existing.indexOf("\n## ", at + heading.length());
      updated = existing.substring(0, at) + section + (end < 0 ? "" : existing.substring(end + 1));
    } else {
      updated = (existing.isEmpty() ? "# Benchmarks\n\nWritten by `NationalBenchmark`: `./mvnw -Pbenchmark -pl api -am verify"
                + " [-Dbenchmark.years=N] [-Dbenchmark.children=N]`. Each run replaces its own section.\n\n" : existing + "\n") + section;
    }
    Files.writeString(file, updated);
    System.err.println(section);
  }
}
