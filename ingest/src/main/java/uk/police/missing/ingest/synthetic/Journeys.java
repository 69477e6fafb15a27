package uk.police.missing.ingest.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;
import uk.police.missing.graph.area.LocalAuthority;
import uk.police.missing.ingest.synthetic.Homes.Home;
import uk.police.missing.ingest.synthetic.NationalGenerator.Corridor;
import uk.police.missing.ingest.synthetic.NationalGenerator.ForceRef;
import uk.police.missing.ingest.synthetic.NationalGenerator.Range;
import uk.police.missing.ingest.synthetic.NationalGenerator.RepeatChild;
import uk.police.missing.ingest.synthetic.Records.Child;

/**
 * The planted answers about when and where children go: children who go missing again and
 * again in the last 90 days of the range (and near misses who do not quite), and corridors
 * along which the children of one force's area are found in another's.
 */
final class Journeys {

  private final Records records;
  private final Homes homes;
  private final Areas areas;
  private final Range range;
  private final Random random;
  private final Consumer<ObjectNode> out;

  Journeys(Records records, Homes homes, Areas areas, Range range, Random random, Consumer<ObjectNode> out) {
    this.records = records;
    this.homes = homes;
    this.areas = areas;
    this.range = range;
    this.random = random;
    this.out = out;
  }

  /**
   * Children with 3 to 5 episodes between 86 and 4 days before the end of the range. Every
   * third is looked after and moves from a children's home in force A's area to one in force
   * B's: A reports the first episodes, B the others, under the same name and date of birth.
   */
  List<RepeatChild> repeatChildren(int n) {
    List<RepeatChild> repeats = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      int episodes = 3 + random.nextInt(3);
      TreeSet<Integer> days = new TreeSet<>();
      while (days.size() < episodes) {
        days.add(4 + random.nextInt(83));
      }
      repeats.add(plant(k, "RC", k % 3 == 0, days.descendingSet().stream().toList()));
    }
    return repeats;
  }

  /**
   * Children with 3 episodes spread over more than 90 days: 110 to 130, 40 to 60 and 4 to 15
   * days before the end, so no 90 days hold all three and the last 90 hold two. Names follow
   * the repeat children's ({@code firstName} on).
   */
  List<RepeatChild> nearMisses(int n, int firstName) {
    List<RepeatChild> nearMisses = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      List<Integer> days = List.of(110 + random.nextInt(21), 40 + random.nextInt(21), 4 + random.nextInt(12));
      nearMisses.add(plant(firstName + k, "NM", false, days));
    }
    return nearMisses;
  }

  private RepeatChild plant(int n, String tag, boolean twoForces, List<Integer> daysBeforeEnd) {
    String given = Records.plantedGivenName(n);
    String family = Records.plantedFamilyName(n);
    LocalDate dob = range.to().minusYears(13 + random.nextInt(4)).minusDays(random.nextInt(365));
    List<String> flags = n % 2 == 0 ? List.of("MENTAL_HEALTH") : List.of();
    List<String> forces = new ArrayList<>();
    List<Child> children = new ArrayList<>();
    if (twoForces) {
      List<String> pool = areas.forcesWithAuthorities();
      forces.add(pool.get(random.nextInt(pool.size())));
      String b;
      do {
        b = pool.get(random.nextInt(pool.size()));
      } while (b.equals(forces.get(0)));
      forces.add(b);
      LocalAuthority responsible = areas.authority(random, forces.get(0));
      for (String force : forces) {
        String ref = force + "-" + tag + "-" + n;
        children.add(new Child(ref, given, family, dob, List.of(), homes.placed(random, force, ref, responsible), flags));
      }
    } else {
      String force = areas.territorial().get(random.nextInt(areas.territorial().size()));
      forces.add(force);
      String ref = force + "-" + tag + "-" + n;
      children.add(new Child(ref, given, family, dob, List.of(), homes.family(random, force), flags));
    }
    List<ForceRef> episodes = new ArrayList<>();
    int inLast90Days = 0;
    for (int e = 0; e < daysBeforeEnd.size(); e++) {
      // With two forces, A reports the first half (rounded up), B the rest.
      int which = forces.size() == 2 && e >= (daysBeforeEnd.size() + 1) / 2 ? 1 : 0;
      String force = forces.get(which);
      Child child = children.get(which);
      String ref = force + "-" + tag + "E-" + n + "-" + e;
      ObjectNode found = records.address(random, areas.district(random, child.home().forceArea()), "ADDRESS");
      out.accept(records.episode(random, force, ref, child, range.daysBeforeEnd(random, daysBeforeEnd.get(e)), found, null, List.of()));
      episodes.add(new ForceRef(force, ref));
      inLast90Days += daysBeforeEnd.get(e) <= 90 ? 1 : 0;
    }
    List<ForceRef> byForce = new ArrayList<>();
    for (int i = 0; i < forces.size(); i++) {
      byForce.add(new ForceRef(forces.get(i), children.get(i).ref()));
    }
    return new RepeatChild(byForce, episodes, inLast90Days);
  }

  /**
   * For distinct pairs of forces (A, B) of England and Wales: four to six children living in
   * one authority of A's area, each found two or three times at a bus station (written with its
   * position) or a short let in one authority of B's area. They carry county lines concerns.
   */
  List<Corridor> corridors(int n) {
    List<Corridor> corridors = new ArrayList<>();
    List<String> pool = areas.forcesWithAuthorities();
    Set<String> pairs = new HashSet<>();
    for (int k = 0; k < n && pairs.size() < pool.size() * (pool.size() - 1); k++) {
      String a;
      String b;
      do {
        a = pool.get(random.nextInt(pool.size()));
        b = pool.get(random.nextInt(pool.size()));
      } while (a.equals(b) || !pairs.add(a + ">" + b));
      LocalAuthority from = areas.authority(random, a);
      LocalAuthority to = areas.authority(random, b);
      String hubDistrict = areas.district(random, to);
      String flatDistrict = areas.district(random, to);
      ObjectNode[] places = {
        records.placeWithGeo("Bus Station", Areas.postcode(random, hubDistrict), null, areas.near(random, hubDistrict), "TRANSPORT_HUB"),
        records.address(random, flatDistrict, "SHORT_LET")
      };
      List<ForceRef> children = new ArrayList<>();
      List<ForceRef> episodes = new ArrayList<>();
      int count = 4 + random.nextInt(3);
      for (int j = 0; j < count; j++) {
        String ref = a + "-CO-" + k + "-" + j;
        List<String> flags = j % 2 == 0 ? List.of("COUNTY_LINES", "CCE") : List.of("COUNTY_LINES");
        Child child = records.child(random, ref, NationalGenerator.birthDate(random, range.from()), homes.family(random, from), flags);
        children.add(new ForceRef(a, ref));
        int times = 2 + random.nextInt(2);
        for (int t = 0; t < times; t++) {
          String episodeRef = a + "-COE-" + k + "-" + j + "-" + t;
          out.accept(records.episode(random, a, episodeRef, child, range.any(random), places[random.nextInt(2)], null, List.of("COUNTY_LINES")));
          episodes.add(new ForceRef(a, episodeRef));
        }
      }
      corridors.add(new Corridor(a, from.code(), b, to.code(), children, episodes));
    }
    return corridors;
  }
}
