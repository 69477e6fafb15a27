package uk.police.missing.ingest.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;
import uk.police.missing.ingest.synthetic.Homes.Home;
import uk.police.missing.ingest.synthetic.NationalGenerator.NameVariant;
import uk.police.missing.ingest.synthetic.NationalGenerator.Range;
import uk.police.missing.ingest.synthetic.NationalGenerator.Twins;
import uk.police.missing.ingest.synthetic.Records.Child;

/**
 * One child written two ways by two forces, the way people write names, which only the match
 * model can find (no firm key joins them); and twins, whom it must keep apart. Each pair has a
 * family name no child of the population has, so what is counted is the pair alone.
 */
final class NameVariants {

  /** The kinds planted, in turn. */
  static final List<String> KINDS =
      List.of("SHORT_FORM", "TRANSLITERATION", "SLIP", "SOUND", "DAYS_APART");

  private static final String[][] SHORT_FORMS = {
    {"Callum", "Cal"}, {"Elizabeth", "Beth"}, {"Jessica", "Jess"}, {"Thomas", "Tom"},
    {"Samuel", "Sam"}, {"Rebecca", "Becky"}, {"Oliver", "Ollie"}, {"Isabella", "Bella"}
  };
  private static final String[][] TRANSLITERATIONS = {
    {"Aleksandra", "Alexandra"}, {"Mohammed", "Muhammad"}, {"Zainab", "Zaynab"},
    {"Yusuf", "Yousef"}, {"Aisha", "Ayesha"}, {"Hussain", "Hussein"}
  };
  private static final String[][] SOUNDS = {
    {"Jayden", "Jaden"}, {"Kayden", "Caden"}, {"Zoe", "Zoey"}, {"Ellie", "Elly"}, {"Sean", "Shaun"}
  };

  private final Records records;
  private final Homes homes;
  private final Areas areas;
  private final Range range;
  private final Random random;
  private final Consumer<ObjectNode> out;

  NameVariants(Records records, Homes homes, Areas areas, Range range, Random random, Consumer<ObjectNode> out) {
    this.records = records;
    this.homes = homes;
    this.areas = areas;
    this.range = range;
    this.random = random;
    this.out = out;
  }

  /** {@code n} pairs, the kinds in turn. */
  List<NameVariant> pairs(int n) {
    List<NameVariant> pairs = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      String kind = KINDS.get(v % KINDS.size());
      String[] names = names(kind, v);
      LocalDate born = NationalGenerator.birthDate(random, range.from());
      LocalDate bornB = kind.equals("DAYS_APART") ? born.plusDays(10 + random.nextInt(12)) : born;
      List<String> forces = areas.distinctForces(random, 2);
      String family = family(v);
      // A child who has moved: each force records a home in its own area, where it reports the
      // child missing from.
      Home homeA = homes.family(random, forces.get(0));
      Home homeB = homes.family(random, forces.get(1));
      String refA = forces.get(0) + "-NV-" + v + "-A";
      String refB = forces.get(1) + "-NV-" + v + "-B";
      String sex = random.nextBoolean() ? "FEMALE" : "MALE";
      write(forces.get(0), new Child(refA, names[0], family, born, List.of(), homeA, List.of()), sex);
      write(forces.get(1), new Child(refB, names[1], family, bornB, List.of(), homeB, List.of()), sex);
      pairs.add(new NameVariant(kind, forces.get(0), refA, forces.get(1), refB));
    }
    return pairs;
  }

  /**
   * {@code n} pairs of twins: one family name, birthday and home, two given names, both reported
   * by the force of their home.
   */
  List<Twins> twins(int n) {
    List<Twins> twins = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      LocalDate born = NationalGenerator.birthDate(random, range.from());
      String force = areas.distinctForces(random, 1).get(0);
      String family = family(1000 + t);
      Home home = homes.family(random, force);
      String refA = force + "-TW-" + t + "-A";
      String refB = force + "-TW-" + t + "-B";
      write(force, new Child(refA, "Ruby", family, born, List.of(), home, List.of()), "FEMALE");
      write(force, new Child(refB, "Oscar", family, born, List.of(), home, List.of()), "MALE");
      twins.add(new Twins(force, refA, force, refB));
    }
    return twins;
  }

  private String[] names(String kind, int v) {
    return switch (kind) {
      case "SHORT_FORM" -> SHORT_FORMS[v / KINDS.size() % SHORT_FORMS.length];
      case "TRANSLITERATION" -> TRANSLITERATIONS[v / KINDS.size() % TRANSLITERATIONS.length];
      case "SOUND" -> SOUNDS[v / KINDS.size() % SOUNDS.length];
      case "SLIP" -> {
        String given = Records.GIVEN[random.nextInt(Records.GIVEN.length)];
        while (given.length() < 5 || !given.chars().allMatch(Character::isLetter)) {
          given = Records.GIVEN[random.nextInt(Records.GIVEN.length)];
        }
        int at = 1 + random.nextInt(given.length() - 2);
        yield new String[] {given, given.substring(0, at) + given.substring(at + 1)};
      }
      default -> {
        String given = Records.GIVEN[random.nextInt(Records.GIVEN.length)];
        yield new String[] {given, given};
      }
    };
  }

  // Invented, and unlike any name of the population: a planted start with a planted end.
  private static String family(int v) {
    return Records.FAMILY_START[v % Records.FAMILY_START.length]
        + Records.PLANTED_END[(v / Records.FAMILY_START.length) % Records.PLANTED_END.length];
  }

  // Both forces record the child's sex, as forces do: one of the fields the model weighs.
  private void write(String force, Child child, String sex) {
    ObjectNode record = records.episode(random, force, child.ref() + "-E", child, range.any(random),
        records.address(random, areas.district(random, child.home().forceArea()), "ADDRESS"), null, List.of());
    ((ObjectNode) record.get("child")).put("sex", sex);
    out.accept(record);
  }
}
