package uk.police.missing.ingest.synthetic;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;
import uk.police.missing.ingest.synthetic.Homes.Home;
import uk.police.missing.ingest.synthetic.NationalGenerator.Options;
import uk.police.missing.ingest.synthetic.Records.Child;

/**
 * The general population, a year's children at a time. Each child belongs to one force. A quarter
 * are looked after and go missing from a children's home about six times a year; the others go
 * missing from home, mostly once or twice, a few many more times. Most are found near home, at
 * private addresses no other child shares; a few in another force's area, by chance.
 */
final class Population {

  private static final int MINUTES_A_YEAR = 365 * 24 * 60;

  private final Records records;
  private final Homes homes;
  private final Areas areas;
  private final Map<String, ObjectNode> stations = new HashMap<>();

  Population(Records records, Homes homes, Areas areas) {
    this.records = records;
    this.homes = homes;
    this.areas = areas;
  }

  void generate(Options options, Random random, Consumer<ObjectNode> out) {
    List<String> forces = areas.forces();
    int c = 0;
    for (int year = 0; year < Math.max(1, options.years()); year++) {
      LocalDate yearStart = options.start().plusYears(year);
      OffsetDateTime from = yearStart.atStartOfDay().atOffset(ZoneOffset.UTC);
      for (int i = 0; i < options.children(); i++, c++) {
        String force = forces.get(random.nextInt(forces.size()));
        boolean lookedAfter = random.nextInt(4) == 0;
        String ref = force + "-P-C" + c;
        Home home = lookedAfter ? homes.inCare(random, force, ref) : homes.family(random, force);
        Child child = records.child(
            random, ref, NationalGenerator.birthDate(random, yearStart), home, Records.flags(random, lookedAfter));
        int episodes = lookedAfter ? poisson(random, 6.0) : heavyTail(random);
        for (int e = 0; e < episodes; e++) {
          OffsetDateTime reported = from.plusMinutes(random.nextInt(MINUTES_A_YEAR));
          out.accept(records.episode(
              random, force, force + "-E-" + c + "-" + e, child, reported, foundPlace(random, force, home), null, List.of()));
        }
      }
    }
  }

  // Near home mostly: in the home's district, or elsewhere in its force area; three in a hundred
  // further away, in another force's area. British Transport Police find children at stations.
  private ObjectNode foundPlace(Random random, String force, Home home) {
    int roll = random.nextInt(100);
    String district =
        roll < 40 ? home.district()
            : roll < 97 ? areas.district(random, home.forceArea())
            : areas.district(random, areas.territorial().get(random.nextInt(areas.territorial().size())));
    if (force.equals(NationalGenerator.BTP)) {
      return stations.computeIfAbsent(
          district,
          d -> records.placeWithGeo("Railway Station", Areas.postcode(random, d), null, null, "TRANSPORT_HUB"));
    }
    return records.address(random, district, "ADDRESS");
  }

  // Most children go missing once or twice a year; a few many more times.
  private static int heavyTail(Random random) {
    int n = 1;
    while (random.nextDouble() < 0.45 && n < 40) {
      n++;
    }
    return n;
  }

  private static int poisson(Random random, double mean) {
    double l = Math.exp(-mean);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > l && k < 500);
    return Math.max(1, k - 1);
  }
}
