package uk.police.missing.ingest.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;
import uk.police.missing.graph.area.LocalAuthority;
import uk.police.missing.ingest.synthetic.Homes.Home;
import uk.police.missing.ingest.synthetic.NationalGenerator.Decoy;
import uk.police.missing.ingest.synthetic.NationalGenerator.Exploiter;
import uk.police.missing.ingest.synthetic.NationalGenerator.ForceRef;
import uk.police.missing.ingest.synthetic.NationalGenerator.Hotspot;
import uk.police.missing.ingest.synthetic.NationalGenerator.MultiForceChild;
import uk.police.missing.ingest.synthetic.NationalGenerator.PhoneOnlyAdult;
import uk.police.missing.ingest.synthetic.NationalGenerator.Range;
import uk.police.missing.ingest.synthetic.Records.Child;

/**
 * The planted places and people: hotspots, one child in three forces, decoys, exploiters and
 * adults one force knows only by a phone. Their episodes fall anywhere in the range.
 */
final class Plants {

  private static final String[] ADULT_GIVEN = {"Dean", "Wayne", "Craig", "Darren", "Marcus", "Jordan", "Kyle", "Lee"};

  private final Records records;
  private final Homes homes;
  private final Areas areas;
  private final Range range;
  private final Random random;
  private final Consumer<ObjectNode> out;

  Plants(Records records, Homes homes, Areas areas, Range range, Random random, Consumer<ObjectNode> out) {
    this.records = records;
    this.homes = homes;
    this.areas = areas;
    this.range = range;
    this.random = random;
    this.out = out;
  }

  /**
   * One address in the first force's area, written differently by each of three forces, where
   * six children are found; the first force writes its position too. Withdrawn: every episode
   * is then withdrawn.
   */
  Hotspot hotspot(String tag, boolean withdraw) {
    List<String> forces = new ArrayList<>();
    forces.add(areas.territorial().get(random.nextInt(areas.territorial().size())));
    while (forces.size() < 3) {
      String f = areas.forces().get(random.nextInt(areas.forces().size()));
      if (!forces.contains(f)) {
        forces.add(f);
      }
    }
    String district = areas.district(random, forces.get(0));
    String postcode = Areas.postcode(random, district);
    double[] geo = areas.near(random, district);
    String street = (2 + random.nextInt(90)) + " " + Records.STREETS[random.nextInt(Records.STREETS.length)];
    String[] written = {street + " Street", street.toUpperCase(Locale.ROOT) + " ST", street.toLowerCase(Locale.ROOT) + " st."};
    int children = 0;
    for (int i = 0; i < 6; i++) {
      String force = forces.get(i % 3);
      Child child = records.child(random, force + "-P-" + tag + "-" + i, NationalGenerator.birthDate(random, range.from()),
          homes.family(random, force), i % 3 == 2 ? List.of() : List.of("CSE"));
      ObjectNode place = records.placeWithGeo(
          null, i % 2 == 0 ? postcode : postcode.replace(" ", "").toLowerCase(Locale.ROOT), written[i % 3],
          i % 3 == 0 ? geo : null, "SHORT_LET");
      ObjectNode record = records.episode(
          random, force, force + "-" + tag + "-" + i, child, range.any(random), place, null, List.of("CSE"));
      out.accept(record);
      children++;
      if (withdraw) {
        records.uncount(record);
        ObjectNode retracted = record.deepCopy();
        retracted.put("recordVersion", 2);
        retracted.put("withdrawn", true);
        out.accept(retracted);
      }
    }
    String authority = areas.area(district).authorityCode();
    return new Hotspot(postcode, forces, children, authority, geo[0], geo[1]);
  }

  /**
   * A looked-after child recorded by three forces with three spellings of the name, one record
   * with an alias, placed in a children's home in each force's area in turn.
   */
  List<MultiForceChild> multiForceChildren(int n) {
    List<MultiForceChild> multi = new ArrayList<>();
    for (int m = 0; m < n; m++) {
      LocalDate dob = NationalGenerator.birthDate(random, range.from());
      String given = Records.GIVEN[random.nextInt(Records.GIVEN.length)];
      String family = Records.FAMILY[random.nextInt(Records.FAMILY.length)];
      List<String> forces = areas.distinctForces(random, 3);
      LocalAuthority responsible = areas.authority(random, areas.homeArea(random, forces.get(0)));
      if (responsible == null) {
        // A child first known in Scotland or Northern Ireland is in the care of an authority of
        // England or Wales here: the lists name no other.
        List<String> pool = areas.forcesWithAuthorities();
        responsible = areas.authority(random, pool.get(random.nextInt(pool.size())));
      }
      List<String> refs = new ArrayList<>();
      for (int i = 0; i < forces.size(); i++) {
        String force = forces.get(i);
        String ref = force + "-MF-" + m + "-" + i;
        refs.add(ref);
        Home home = homes.placed(random, force, ref, responsible);
        Child child = new Child(ref, Records.spelling(given, i), Records.spelling(family, i), dob,
            i == 1 ? List.of(given.substring(0, 3)) : List.of(), home, List.of());
        out.accept(records.episode(random, force, force + "-MFE-" + m + "-" + i, child, range.any(random),
            nearHome(home), null, List.of()));
      }
      multi.add(new MultiForceChild(forces, refs));
    }
    return multi;
  }

  /** Two different children called Jack Smith in two forces; a third of pairs with day and month of birth swapped. */
  List<Decoy> decoys(int n) {
    List<Decoy> decoys = new ArrayList<>();
    for (int d = 0; d < n; d++) {
      List<String> forces = areas.distinctForces(random, 2);
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
      decoy(forces.get(0), refA, a);
      decoy(forces.get(1), refB, b);
      decoys.add(new Decoy(forces.get(0), refA, forces.get(1), refB, swap));
    }
    return decoys;
  }

  private void decoy(String force, String ref, LocalDate dob) {
    Home home = homes.family(random, force);
    Child child = new Child(ref, "Jack", "Smith", dob, List.of(), home, List.of());
    out.accept(records.episode(random, force, ref + "-E", child, range.any(random), nearHome(home), null, List.of()));
  }

  /**
   * An exploiter with a name and date of birth in force A, only a street name in force B, and
   * the same phone written {@code 07700 900…} and {@code +44 7700 900…}, around four children.
   */
  List<Exploiter> exploiters(int n) {
    List<Exploiter> exploiters = new ArrayList<>();
    for (int x = 0; x < n; x++) {
      List<String> forces = areas.distinctForces(random, 2);
      String phone = phone(x);
      String refA = forces.get(0) + "-X-" + x;
      String refB = forces.get(1) + "-X-" + x;
      for (int i = 0; i < 4; i++) {
        String force = forces.get(i % 2);
        ObjectNode associate = i % 2 == 0
            ? records.associate(refA, "SUSPECTED_EXPLOITER", "Dale", "Exampleton" + x, "1995-05-0" + (1 + x % 9), null, phone)
            : records.associate(refB, "SUSPECTED_EXPLOITER", null, null, null, "Big Z" + x, "+44 " + phone.substring(1));
        linkedChild(force, force + "-XC-" + x + "-" + i, associate, List.of("CCE", "COUNTY_LINES"));
      }
      exploiters.add(new Exploiter(international(phone), forces.get(0), refA, forces.get(1), refB));
    }
    return exploiters;
  }

  /**
   * An adult who harbours children: named with a date of birth by force A; force B records only
   * a reference, the role and the phone, written {@code +447700900…}. Three or four children,
   * in both forces. Phones follow the exploiters' ({@code firstPhone} on).
   */
  List<PhoneOnlyAdult> phoneOnlyAdults(int n, int firstPhone) {
    List<PhoneOnlyAdult> adults = new ArrayList<>();
    for (int y = 0; y < n; y++) {
      List<String> forces = areas.distinctForces(random, 2);
      String phone = phone(firstPhone + y);
      ForceRef named = new ForceRef(forces.get(0), forces.get(0) + "-PH-" + y);
      ForceRef phoneOnly = new ForceRef(forces.get(1), forces.get(1) + "-PH-" + y);
      String given = ADULT_GIVEN[y % ADULT_GIVEN.length];
      String family = Records.plantedFamilyName(y);
      String dob = LocalDate.of(1984, 1, 1).plusDays(41L * y).toString();
      List<ForceRef> children = new ArrayList<>();
      for (int i = 0; i < 3 + y % 2; i++) {
        String force = forces.get(i % 2);
        ObjectNode associate = i % 2 == 0
            ? records.associate(named.ref(), "HARBOURER", given, family, dob, null, phone)
            : records.associate(phoneOnly.ref(), "CONTACT", null, null, null, null, international(phone));
        String childRef = force + "-PHC-" + y + "-" + i;
        linkedChild(force, childRef, associate, List.of("CSE"));
        children.add(new ForceRef(force, childRef));
      }
      adults.add(new PhoneOnlyAdult(international(phone), named, phoneOnly, children));
    }
    return adults;
  }

  private void linkedChild(String force, String ref, ObjectNode associate, List<String> concerns) {
    Home home = homes.family(random, force);
    Child child = records.child(random, ref, NationalGenerator.birthDate(random, range.from()), home, concerns);
    out.accept(records.episode(random, force, ref + "-E", child, range.any(random), nearHome(home), associate, concerns));
  }

  private ObjectNode nearHome(Home home) {
    return records.address(random, areas.district(random, home.forceArea()), "ADDRESS");
  }

  /**
   * The {@code n}th planted phone, as force A writes it: Ofcom keeps 07700 900000 to 900999
   * for drama, and 01632 960000 to 960999 after them, so no real subscriber has either.
   */
  static String phone(int n) {
    if (n < 1000) {
      return String.format(Locale.ROOT, "07700 900%03d", n);
    }
    if (n < 2000) {
      return String.format(Locale.ROOT, "01632 960%03d", n - 1000);
    }
    throw new IllegalArgumentException("more planted phones than the numbers kept for drama");
  }

  /** {@code 07700 900123} as {@code +447700900123}. */
  static String international(String phone) {
    return "+44" + phone.substring(1).replace(" ", "");
  }
}
