package uk.police.missing.api.loader;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import uk.police.missing.ingest.synthetic.NationalGenerator;

/**
 * {@code generate [--children=N a year] [--years=Y] [--seed=S] [--start=YYYY-MM-DD] --out=FILE}: writes
 * invented national data as NDJSON, for demos and benchmarks, and says what it planted.
 */
public final class GenerateCommand {

  private static final String USAGE =
      "usage: generate [--children=75000 (a year)] [--years=1] [--seed=1] [--start=2016-01-01] --out=FILE";

  private GenerateCommand() {}

  public static int run(String... args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        System.err.println(USAGE);
        return 64;
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    if (!options.containsKey("out")
        || !java.util.Set.of("children", "years", "seed", "start", "out").containsAll(options.keySet())) {
      System.err.println(USAGE);
      return 64;
    }
    NationalGenerator.Options generate;
    try {
      generate =
          new NationalGenerator.Options(
              Integer.parseInt(options.getOrDefault("children", "75000")),
              Integer.parseInt(options.getOrDefault("years", "1")),
              Long.parseLong(options.getOrDefault("seed", "1")),
              LocalDate.parse(options.getOrDefault("start", "2016-01-01")));
    } catch (RuntimeException e) {
      System.err.println(USAGE);
      return 64;
    }
    Path out = Path.of(options.get("out"));
    try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      var planted =
          new NationalGenerator()
              .generate(
                  generate,
                  line -> {
                    try {
                      writer.write(line);
                      writer.write('\n');
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  });
      System.out.printf(
          "%d records for %d children over %d years in %s%n"
              + "planted: %d hotspots (and one only withdrawn episodes support), %d children"
              + " recorded by three forces, %d decoy pairs, %d exploiters,%n"
              + "  %d adults one force knows only by a phone, %d repeat children (and %d near"
              + " misses), %d corridors, %d looked-after children placed out of area,%n"
              + "  %d children two forces wrote two ways (possible matches), %d pairs of twins%n",
          planted.records(), generate.children(), generate.years(), out,
          planted.hotspots().size(), planted.multiForceChildren().size(),
          planted.decoys().size(), planted.exploiters().size(), planted.phoneOnlyAdults().size(),
          planted.repeatChildren().size(), planted.nearMisses().size(), planted.corridors().size(),
          planted.outOfAreaPlacements().size(), planted.nameVariants().size(), planted.twins().size());
      System.out.print(startingPoints(planted));
      return 0;
    } catch (IOException | UncheckedIOException e) {
      System.err.println("could not write " + out + ": " + e.getMessage());
      return 1;
    }
  }

  // A few references a new user can look up first.
  private static String startingPoints(NationalGenerator.Planted planted) {
    var repeat = planted.repeatChildren().get(0);
    var corridor = planted.corridors().get(0);
    var variant = planted.nameVariants().get(0);
    return String.format(
        "start with:%n"
            + "  episodes reported from %s to %s%n"
            + "  a repeat child: %s %s%s (%d episodes in the last 90 days)%n"
            + "  a hotspot: %s%n"
            + "  an exploiter's phone: %s%n"
            + "  a corridor: %s -> %s%n"
            + "  a child written two ways (%s): %s %s and %s %s%n",
        planted.from(), planted.to().minusDays(1),
        repeat.records().get(0).force(), repeat.records().get(0).ref(),
        repeat.records().size() > 1
            ? ", also " + repeat.records().get(1).force() + " " + repeat.records().get(1).ref()
            : "",
        repeat.inLast90Days(),
        planted.hotspots().get(0).postcode(), planted.exploiters().get(0).phone(),
        corridor.forceA(), corridor.forceB(),
        variant.kind().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), variant.forceA(), variant.refA(),
        variant.forceB(), variant.refB());
  }
}
