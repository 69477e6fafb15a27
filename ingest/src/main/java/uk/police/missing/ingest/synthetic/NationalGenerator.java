package uk.police.missing.ingest.synthetic;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;
import uk.police.missing.graph.area.AreaDirectory;
import uk.police.missing.graph.force.ForceCatalogue;

/**
 * Generates national-shaped missing-episode records (one NDJSON line each) with planted
 * patterns, and says what it planted so tests can check every answer.
 *
 * <p>Shape: about 2.9 episodes per child a year, heavy-tailed; looked-after children (a quarter)
 * go missing about six times a year from children's homes, a third of them placed out of their
 * authority's area. Places are in the real postcode districts of each force's area, with
 * invented units. Planted: hotspots written differently by each force; children recorded by
 * several forces under differently written names; decoys sharing a common name, one with day
 * and month of birth swapped; exploiters known by name in one force and by a street name and the
 * same phone in another; adults one force knows only by a phone; a hotspot that only withdrawn
 * episodes support; children who go missing three to five times in the last 90 days, and near
 * misses; and force-to-force corridors. See docs/intelligence.md, "Invented national data".
 */
public final class NationalGenerator {

  /**
   * How much to generate: {@code children} children a year (each goes missing within one year
   * of the range) over {@code years} years from {@code start}.
   */
  public record Options(int children, int years, long seed, LocalDate start) {
    public static Options national(int years, long seed) {
      return new Options(75_000, years, seed, LocalDate.of(2016, 1, 1));
    }
  }

  /** A force's own reference for a child, person or episode. */
  public record ForceRef(String force, String ref) {}

  /**
   * A planted hotspot: the postcode every force uses, and the forces and children found there.
   * It is in the first force's area, in {@code authority} (GSS code; null in Scotland or
   * Northern Ireland); the first force writes it with coordinates {@code latitude, longitude}.
   */
  public record Hotspot(
      String postcode, List<String> forces, int children, String authority, double latitude, double longitude) {}

  /** One child recorded by several forces: each force's personRef. */
  public record MultiForceChild(List<String> forces, List<String> personRefs) {}

  /** Two different children sharing a name: force and personRef of each. */
  public record Decoy(String forceA, String refA, String forceB, String refB, boolean swappedBirthDate) {}

  /**
   * One child written two ways by two forces (kind: SHORT_FORM, TRANSLITERATION, SLIP, SOUND or
   * DAYS_APART), whom only the match model finds: the pair should be a possible match.
   */
  public record NameVariant(String kind, String forceA, String refA, String forceB, String refB) {}

  /** Twins: one family name, birthday and home, recorded by their home force; never one child. */
  public record Twins(String forceA, String refA, String forceB, String refB) {}

  /** An exploiter named in one force and known by a street name and phone in another. */
  public record Exploiter(String phone, String forceA, String refA, String forceB, String refB) {}

  /**
   * An adult named, with date of birth, by one force and known to another only by a phone
   * (written another way), with the children each force links them to.
   *
   * @param phone the number in international form, {@code +447700900123}
   */
  public record PhoneOnlyAdult(String phone, ForceRef named, ForceRef phoneOnly, List<ForceRef> children) {}

  /**
   * A planted child with episodes close together at the end of the range: a repeat child has
   * 3 to 5 in the last 90 days; a near miss has 3 spread over more than 90 days, 2 of them in
   * the last 90. One child: the same name and date of birth in each force's records.
   *
   * @param records each force's record of the child (two forces for some repeat children)
   * @param episodes every planted episode of the child
   * @param inLast90Days how many of them were reported in the last 90 days of the range
   */
  public record RepeatChild(List<ForceRef> records, List<ForceRef> episodes, int inLast90Days) {}

  /**
   * Children living in {@code forceA}'s area, in authority {@code authorityA}, found more than
   * once each at places in {@code forceB}'s area, in authority {@code authorityB} (GSS codes).
   *
   * @param episodes the episodes in which they were found there
   */
  public record Corridor(
      String forceA, String authorityA, String forceB, String authorityB, List<ForceRef> children, List<ForceRef> episodes) {}

  /**
   * A looked-after child whose children's home is outside the area of the authority responsible
   * for them.
   *
   * @param responsibleAuthority GSS code of the authority responsible for the child
   * @param placedIn GSS code of the authority the home is in; null in Scotland or Northern Ireland
   * @param otherForceArea whether the home is in another force's area than the authority
   */
  public record Placement(ForceRef child, String responsibleAuthority, String placedIn, boolean otherForceArea) {}

  /**
   * How the return home interviews of counting found episodes went (withdrawn ones left out):
   * completed within 72 hours of being found, completed later, declined, not offered
   * ({@code NOT_REQUIRED}), offered and never completed, and none recorded.
   */
  public record ReturnInterviews(
      long completedInTime, long completedLate, long declined, long notOffered, long offeredNotCompleted, long notRecorded) {

    /** Found episodes with no interview completed within 72 hours. */
    public long notInTime() {
      return completedLate + declined + notOffered + offeredNotCompleted + notRecorded;
    }
  }

  /**
   * Everything planted, with the answers tests expect. The data covers {@code from} (inclusive)
   * to {@code to} (exclusive); "the last 90 days" are the 90 days before {@code to}.
   */
  public record Planted(
      List<Hotspot> hotspots,
      Hotspot withdrawnHotspot,
      List<MultiForceChild> multiForceChildren,
      List<Decoy> decoys,
      List<Exploiter> exploiters,
      List<PhoneOnlyAdult> phoneOnlyAdults,
      List<RepeatChild> repeatChildren,
      List<RepeatChild> nearMisses,
      List<Corridor> corridors,
      List<Placement> outOfAreaPlacements,
      ReturnInterviews returnInterviews,
      List<NameVariant> nameVariants,
      List<Twins> twins,
      LocalDate from,
      LocalDate to,
      long records) {}

  static final String BTP = "BTP";
  static final String[] FORCES = {
    "AVS", "BED", "CAM", "CHE", "COL", "CLE", "CUM", "DER", "DEC", "DOR", "DUR", "DYP", "ESX",
    "GLO", "GMP", "GWE", "HAM", "HER", "HUM", "KEN", "LAN", "LEI", "LIN", "MER", "MET", "NFK",
    "NWA", "NYO", "NTH", "NUM", "NOT", "SWA", "SYO", "STA", "SUF", "SUR", "SUS", "TVP", "WAR",
    "WME", "WMP", "WYO", "WIL", "PSC", "PNI", BTP
  };

  /** The dates the data covers, and times within them. */
  record Range(LocalDate from, LocalDate to) {
    OffsetDateTime any(Random random) {
      long minutes = ChronoUnit.DAYS.between(from, to) * 24 * 60;
      return start().plusMinutes((long) (random.nextDouble() * minutes));
    }

    /** Some time on the day {@code days} days before the end. */
    OffsetDateTime daysBeforeEnd(Random random, int days) {
      return to.minusDays(days).atStartOfDay().atOffset(ZoneOffset.UTC).plusMinutes(random.nextInt(20 * 60));
    }

    OffsetDateTime start() {
      return from.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
  }

  /** Writes every record to {@code sink}, one JSON line each, and returns what was planted. */
  public Planted generate(Options options, Consumer<String> sink) {
    Random random = new Random(options.seed());
    Records records = new Records();
    long[] count = {0};
    Consumer<ObjectNode> out = r -> {
      sink.accept(records.json.writeValueAsString(r));
      count[0]++;
    };
    Areas areas = new Areas(AreaDirectory.national(), ForceCatalogue.national(), FORCES);
    Homes homes = new Homes(records, areas, FORCES);
    Range range = new Range(options.start(), options.start().plusYears(Math.max(1, options.years())));
    int scale = Math.max(1, options.children() / 2_000);

    new Population(records, homes, areas).generate(options, random, out);

    Plants plants = new Plants(records, homes, areas, range, random, out);
    List<Hotspot> hotspots = new ArrayList<>();
    for (int h = 0; h < 2 * scale + 1; h++) {
      hotspots.add(plants.hotspot("HS" + h, false));
    }
    Hotspot withdrawn = plants.hotspot("HW", true);
    List<MultiForceChild> multi = plants.multiForceChildren(5 * scale);
    List<Decoy> decoys = plants.decoys(3 * scale);
    List<Exploiter> exploiters = plants.exploiters(scale + 1);
    List<PhoneOnlyAdult> phoneOnly = plants.phoneOnlyAdults(scale / 2 + 1, exploiters.size());

    Journeys journeys = new Journeys(records, homes, areas, range, random, out);
    List<RepeatChild> repeats = journeys.repeatChildren(scale + 2);
    List<RepeatChild> nearMisses = journeys.nearMisses(scale / 2 + 2, repeats.size());
    List<Corridor> corridors = journeys.corridors(scale / 3 + 2);

    // Its own random numbers, so the patterns planted before it stay as they were.
    NameVariants variants = new NameVariants(records, homes, areas, range, new Random(options.seed() + 10), out);
    List<NameVariant> nameVariants = variants.pairs(5 * scale + 5);
    List<Twins> twins = variants.twins(scale + 1);

    return new Planted(
        hotspots, withdrawn, multi, decoys, exploiters, phoneOnly, repeats, nearMisses, corridors,
        List.copyOf(homes.placements), records.interviews(), nameVariants, twins, range.from(),
        range.to(), count[0]);
  }

  /** A date of birth making the child 8 to 16 on {@code asOf}. */
  static LocalDate birthDate(Random random, LocalDate asOf) {
    return asOf.minusYears(8 + random.nextInt(9)).plusDays(random.nextInt(365));
  }
}
