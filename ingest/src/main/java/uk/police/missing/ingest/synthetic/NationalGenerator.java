package uk.police.missing.ingest.synthetic;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates national-shaped missing-episode records (one NDJSON line each) with planted
 * patterns, and says what it planted so tests can check every answer.
 *
 * <p>Shape: about 2.9 episodes per child a year, heavy-tailed; looked-after children (a quarter)
 * go missing about six times a year. Planted: hotspots written differently by each force;
 * children recorded by several forces under differently written names; decoys sharing a common
 * name, one with day and month of birth swapped; exploiters known by name in one force and by a
 * street name and the same phone in another; and a hotspot that only withdrawn episodes support.
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

  /** A planted hotspot: the postcode every force uses, and the forces and children found there. */
  public record Hotspot(String postcode, List<String> forces, int children) {}

  /** One child recorded by several forces: each force's personRef. */
  public record MultiForceChild(List<String> forces, List<String> personRefs) {}

  /** Two different children sharing a name: force and personRef of each. */
  public record Decoy(String forceA, String refA, String forceB, String refB, boolean swappedBirthDate) {}

  /** An exploiter named in one force and known by a street name and phone in another. */
  public record Exploiter(String phone, String forceA, String refA, String forceB, String refB) {}

  /** Everything planted, with the answers tests expect. */
  public record Planted(
      List<Hotspot> hotspots,
      Hotspot withdrawnHotspot,
      List<MultiForceChild> multiForceChildren,
      List<Decoy> decoys,
      List<Exploiter> exploiters,
      long records) {}

  static final String[] FORCES = {
    "AVS", "BED", "CAM", "CHE", "COL", "CLE", "CUM", "DER", "DEC", "DOR", "DUR", "DYP", "ESX",
    "GLO", "GMP", "GWE", "HAM", "HER", "HUM", "KEN", "LAN", "LEI", "LIN", "MER", "MET", "NFK",
    "NWA", "NYO", "NTH", "NUM", "NOT", "SWA", "SYO", "STA", "SUF", "SUR", "SUS", "TVP", "WAR",
    "WME", "WMP", "WYO", "WIL", "PSC", "PNI", "BTP"
  };
  // Common given and family names: invented combinations, no real person behind any of them.
  static final String[] GIVEN = {
    "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia",
    "Grace", "Freya", "Evie", "Poppy", "Ella", "Noah", "Oliver", "George", "Leo", "Arthur",
    "Muhammad", "Harry", "Oscar", "Archie", "Henry", "Jack", "Charlie", "Freddie", "Theo", "Alfie",
    "Zoë", "Aoife", "Siobhán", "Kai", "Reuben", "Tyler", "Jayden", "Kayden", "Nia", "Amara",
    "Maya", "Layla", "Hallie", "Esme", "Daisy", "Willow", "Elsie", "Harper", "Sienna", "Phoebe",
    "Ruby", "Millie", "Imogen", "Matilda", "Luna", "Aria", "Eliza", "Orla", "Ffion", "Maisie",
    "Jacob", "Thomas", "Joshua", "William", "James", "Lucas", "Max", "Ethan", "Finley", "Isaac",
    "Mason", "Logan", "Ibrahim", "Yusuf", "Dylan", "Rhys", "Callum", "Ronan", "Ezra", "Tobias"
  };
  static final String[] FAMILY = {
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson",
    "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood",
    "Jackson", "Clarke", "O'Connor", "McDonald", "Ahmed", "Khan", "Ali", "Patel", "Begum",
    "Hughes", "Edwards", "Lewis", "Price", "Kowalski", "Nowak", "Okafor", "Mensah", "Da Silva"
  };
  // Most children's family names are not among the common few: invented names of two parts give
  // the population the spread real names have, so that children who share both name and date
  // of birth (and are one child by the contract's rule) are as rare as they are in life.
  static final String[] FAMILY_START = {
    "Ash", "Brack", "Carr", "Dun", "Elm", "Fair", "Gold", "Hart", "Ivy", "Kes", "Lang", "Mar",
    "Nor", "Oak", "Pen", "Quar", "Ross", "Stan", "Thorn", "Ux", "Vale", "Wes", "Yar", "Zel"
  };
  static final String[] FAMILY_END = {
    "bury", "by", "combe", "dale", "field", "ford", "gate", "ham", "hurst", "ley", "more",
    "stead", "ton", "well", "wood", "worth"
  };
  static final String[] STREETS = {"Mill", "Station", "Church", "Park", "Victoria", "Canal", "Market", "Albert"};
  static final String[] SUFFIX = {"Street", "Road", "Avenue", "Lane"};
  static final String[] RISK = {"HIGH", "MEDIUM", "MEDIUM", "LOW", "LOW", "LOW", "NO_APPARENT_RISK"};

  private final JsonMapper json = JsonMapper.builder().build();

  /** Writes every record to {@code sink}, one JSON line each, and returns what was planted. */
  public Planted generate(Options options, Consumer<String> sink) {
    Random random = new Random(options.seed());
    long[] count = {0};
    Consumer<ObjectNode> out = r -> {
      sink.accept(json.writeValueAsString(r));
      count[0]++;
    };
    int scale = Math.max(1, options.children() / 2_000);

    // The general population, a year's children at a time: most places are private addresses
    // no other child shares.
    int c = 0;
    for (int year = 0; year < Math.max(1, options.years()); year++) {
      Options thisYear = new Options(options.children(), 1, options.seed(), options.start().plusYears(year));
      for (int i = 0; i < options.children(); i++, c++) {
        String force = FORCES[random.nextInt(FORCES.length)];
        Child child = child(random, force, "C" + c, thisYear);
        boolean lookedAfter = random.nextInt(4) == 0;
        int episodes = lookedAfter ? poisson(random, 6.0) : heavyTail(random, 1);
        for (int e = 0; e < episodes; e++) {
          out.accept(
              episode(random, force, force + "-E-" + c + "-" + e, child, lookedAfter, thisYear,
                  privatePlace(random, force, c, e), null));
        }
      }
    }

    // Hotspots: one address, written differently by each force, where children of several
    // forces are found.
    List<Hotspot> hotspots = new ArrayList<>();
    for (int h = 0; h < 2 * scale + 1; h++) {
      hotspots.add(plantHotspot(random, options, "HS" + h, false, out));
    }
    Hotspot withdrawn = plantHotspot(random, options, "HW", true, out);

    // One child, three forces, three spellings.
    List<MultiForceChild> multi = new ArrayList<>();
    for (int m = 0; m < 5 * scale; m++) {
      LocalDate dob = birthDate(random, options);
      String given = GIVEN[random.nextInt(GIVEN.length)];
      String family = FAMILY[random.nextInt(FAMILY.length)];
      List<String> forces = distinctForces(random, 3);
      List<String> refs = new ArrayList<>();
      for (int i = 0; i < forces.size(); i++) {
        String ref = forces.get(i) + "-MF-" + m + "-" + i;
        refs.add(ref);
        Child child = new Child(ref, spelling(given, i), spelling(family, i), dob, i == 1 ? List.of(given.substring(0, 3)) : List.of());
        out.accept(episode(random, forces.get(i), forces.get(i) + "-MFE-" + m + "-" + i, child, true, options, privatePlace(random, forces.get(i), 900_000 + m, i), null));
      }
      multi.add(new MultiForceChild(forces, refs));
    }

    // Decoys: a common name shared by two different children; one pair has day and month swapped.
    List<Decoy> decoys = new ArrayList<>();
    for (int d = 0; d < 3 * scale; d++) {
      List<String> forces = distinctForces(random, 2);
      // Every pair its own date, so decoys of different pairs never share name and birth date;
      // day and month both up to 12 so the swapped date exists.
      int slot = d % 132;
      int month = 1 + slot / 11;
      int day = 1 + (slot % 11 >= month - 1 ? slot % 11 + 1 : slot % 11);
      LocalDate a = LocalDate.of(2008 + (d / 132) % 7, month, day);
      boolean swap = d % 3 == 0;
      LocalDate b = swap ? LocalDate.of(a.getYear(), a.getDayOfMonth(), a.getMonthValue()) : a.plusYears(1).plusDays(40);
      String refA = forces.get(0) + "-DC-" + d + "-A";
      String refB = forces.get(1) + "-DC-" + d + "-B";
      out.accept(episode(random, forces.get(0), refA + "-E", new Child(refA, "Jack", "Smith", a, List.of()), false, options, privatePlace(random, forces.get(0), 800_000 + d, 0), null));
      out.accept(episode(random, forces.get(1), refB + "-E", new Child(refB, "Jack", "Smith", b, List.of()), false, options, privatePlace(random, forces.get(1), 800_000 + d, 1), null));
      decoys.add(new Decoy(forces.get(0), refA, forces.get(1), refB, swap));
    }

    // Exploiters: a name and date of birth in force A; a street name and the same phone in B.
    List<Exploiter> exploiters = new ArrayList<>();
    for (int x = 0; x < scale + 1; x++) {
      List<String> forces = distinctForces(random, 2);
      String phone = String.format(Locale.ROOT, "07700 9%05d", 10_000 + x);
      String refA = forces.get(0) + "-X-" + x;
      String refB = forces.get(1) + "-X-" + x;
      for (int i = 0; i < 4; i++) {
        String force = forces.get(i % 2);
        ObjectNode associate = json.createObjectNode();
        associate.put("personRef", i % 2 == 0 ? refA : refB);
        associate.put("role", "SUSPECTED_EXPLOITER");
        if (i % 2 == 0) {
          associate.put("givenName", "Dale");
          associate.put("familyName", "Exampleton" + x);
          associate.put("dateOfBirth", "1995-05-0" + (1 + x % 9));
        } else {
          associate.putArray("alsoKnownAs").add("Big Z" + x);
        }
        associate.putArray("phones").add(i % 2 == 0 ? phone : "+44 " + phone.substring(1));
        String childRef = force + "-XC-" + x + "-" + i;
        Child child = child(random, force, "XC" + x + "-" + i, options);
        out.accept(episode(random, force, childRef + "-E", new Child(childRef, child.given, child.family, child.dob, List.of()), false, options, privatePlace(random, force, 700_000 + x, i), associate));
      }
      exploiters.add(new Exploiter("+44" + phone.substring(1).replace(" ", ""), forces.get(0), refA, forces.get(1), refB));
    }
    return new Planted(hotspots, withdrawn, multi, decoys, exploiters, count[0]);
  }

  private Hotspot plantHotspot(Random random, Options options, String tag, boolean withdraw, Consumer<ObjectNode> out) {
    List<String> forces = distinctForces(random, 3);
    String postcode = String.format(Locale.ROOT, "Z%d %dHS", 10 + Math.abs(tag.hashCode() % 80), 1 + random.nextInt(9));
    String street = (2 + random.nextInt(90)) + " " + STREETS[random.nextInt(STREETS.length)];
    String[] written = {street + " Street", street.toUpperCase(Locale.ROOT) + " ST", street.toLowerCase(Locale.ROOT) + " st."};
    int children = 0;
    for (int i = 0; i < 6; i++) {
      String force = forces.get(i % 3);
      Child child = child(random, force, tag + "-" + i, options);
      ObjectNode place = json.createObjectNode();
      place.put("postcode", i % 2 == 0 ? postcode : postcode.replace(" ", "").toLowerCase(Locale.ROOT));
      place.putArray("addressLines").add(written[i % 3]);
      place.put("kind", "SHORT_LET");
      ObjectNode record = episode(random, force, force + "-" + tag + "-" + i, child, false, options, place, null);
      out.accept(record);
      children++;
      if (withdraw) {
        ObjectNode retracted = record.deepCopy();
        retracted.put("recordVersion", 2);
        retracted.put("withdrawn", true);
        out.accept(retracted);
      }
    }
    return new Hotspot(postcode, forces, children);
  }

  private record Child(String ref, String given, String family, LocalDate dob, List<String> aliases) {}

  private Child child(Random random, String force, String tag, Options options) {
    return new Child(
        force + "-P-" + tag,
        GIVEN[random.nextInt(GIVEN.length)],
        familyName(random),
        birthDate(random, options),
        List.of());
  }

  // A common family name for three children in ten; an invented one for the others.
  private static String familyName(Random random) {
    if (random.nextInt(10) < 3) {
      return FAMILY[random.nextInt(FAMILY.length)];
    }
    return FAMILY_START[random.nextInt(FAMILY_START.length)]
        + FAMILY_END[random.nextInt(FAMILY_END.length)];
  }

  private ObjectNode episode(
      Random random, String force, String ref, Child child, boolean lookedAfter, Options options,
      ObjectNode foundPlace, ObjectNode associate) {
    OffsetDateTime reported =
        options.start().atStartOfDay().atOffset(ZoneOffset.UTC)
            .plusMinutes(random.nextInt(Math.max(1, options.years()) * 365 * 24 * 60));
    ObjectNode r = json.createObjectNode();
    r.put("schemaVersion", 1);
    r.put("force", force);
    r.put("episodeRef", ref.length() > 60 ? ref.substring(0, 60) : ref);
    r.put("recordVersion", 1);
    ObjectNode c = r.putObject("child");
    c.put("personRef", child.ref());
    c.put("givenName", child.given());
    c.put("familyName", child.family());
    if (!child.aliases().isEmpty()) {
      ArrayNode aka = c.putArray("alsoKnownAs");
      child.aliases().forEach(aka::add);
    }
    c.put("dateOfBirth", child.dob().toString());
    c.put("careStatus", lookedAfter ? "LOOKED_AFTER" : "NOT_IN_CARE");
    r.put("reportedAt", instant(reported));
    r.putObject("missingFrom").put("kind", lookedAfter ? "CHILDRENS_HOME" : "HOME");
    ObjectNode risk = r.putObject("risk");
    risk.put("level", RISK[random.nextInt(RISK.length)]);
    risk.put("assessedAt", instant(reported.plusMinutes(15)));
    r.put("status", "FOUND");
    ObjectNode found = r.putObject("found");
    found.put("at", instant(reported.plusHours(6 + random.nextInt(60))));
    found.set("place", foundPlace);
    found.put("foundBy", "POLICE");
    if (associate != null) {
      found.putArray("withPeople").add(associate.get("personRef").stringValue());
      r.putArray("associates").add(associate);
    }
    ObjectNode rhi = r.putObject("returnInterview");
    rhi.put("status", random.nextInt(10) < 7 ? "COMPLETED" : "DECLINED");
    return r;
  }

  // RFC 3339 wants the seconds, which OffsetDateTime.toString() leaves out when they are zero.
  private static String instant(OffsetDateTime t) {
    return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
  }

  private ObjectNode privatePlace(Random random, String force, int child, int episode) {
    ObjectNode place = json.createObjectNode();
    place.put("postcode", String.format(Locale.ROOT, "%s%d %d%c%c", force.substring(0, 2), 1 + (child % 97), episode % 10, (char) ('A' + random.nextInt(26)), (char) ('A' + random.nextInt(26))));
    place.putArray("addressLines").add((1 + random.nextInt(300)) + " " + STREETS[random.nextInt(STREETS.length)] + " " + SUFFIX[random.nextInt(SUFFIX.length)]);
    place.put("kind", "ADDRESS");
    return place;
  }

  private static LocalDate birthDate(Random random, Options options) {
    return options.start().minusYears(8 + random.nextInt(9)).plusDays(random.nextInt(365));
  }

  private static String spelling(String name, int variant) {
    return switch (variant) {
      case 0 -> name;
      case 1 -> name.toUpperCase(Locale.ROOT).replace("'", "");
      default -> name.replace("'", " ").replace("ë", "e").replace("á", "a");
    };
  }

  private static List<String> distinctForces(Random random, int n) {
    List<String> forces = new ArrayList<>();
    while (forces.size() < n) {
      String f = FORCES[random.nextInt(FORCES.length)];
      if (!forces.contains(f)) {
        forces.add(f);
      }
    }
    return forces;
  }

  // Most children go missing once or twice a year; a few many more times.
  private static int heavyTail(Random random, int years) {
    int total = 0;
    for (int y = 0; y < Math.max(1, years); y++) {
      int n = 1;
      while (random.nextDouble() < 0.45 && n < 40) {
        n++;
      }
      total += n;
    }
    return total;
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
