package uk.police.missing.graph.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.police.missing.graph.linkage.ChildComparison.Field;
import uk.police.missing.graph.linkage.ChildComparison.Level;

/**
 * The Fellegi–Sunter model of whether two records are one child, as Splink builds it: each
 * field's level has an m probability (of that level among records of one child) and a u
 * probability (among records of different children); the match weight is the prior's log-odds
 * plus log2(m/u) of every field compared, and the probability follows from it.
 *
 * <p>An exact given or family name weighs by how common that name is (term-frequency
 * adjustment): u is the share of stored records with the name, smoothed towards the level's u
 * with {@value #SMOOTHING} pseudo-records, so a small store does not make every name look rare
 * or common. Sharing Smith says less than sharing a rare name.
 *
 * <p>The m and u values are starting values set from the levels' meaning (u as the chance two
 * different children agree so: about one in 6,600 for a date of birth among 18 years of births),
 * to be replaced by values estimated from the data; docs/intelligence.md gives the table.
 */
public final class ChildMatchModel {

  /** Pseudo-records with the level's own u that a name's frequency is smoothed with. */
  static final double SMOOTHING = 10_000;

  /** The prior: about one pair in 131,000 compared without blocking is one child (2^-17). */
  static final double PRIOR_WEIGHT = -17;

  /** m and u of one level. */
  public record Probabilities(double m, double u) {}

  /** How common a name is: records with it, and records in all. */
  public interface Frequencies {
    /** The number of stored records with this given name (GIVEN) or family name (FAMILY). */
    long records(Field field, String name);

    /** The number of stored records of children. */
    long total();
  }

  /** A pair's match probability, weight and one reason per field compared. */
  public record Scored(double probability, double weight, List<String> reasons) {}

  private static final Map<String, Probabilities> LEVELS =
      Map.ofEntries(
          Map.entry("GIVEN_NAME/EXACT", new Probabilities(0.85, 0.006)),
          Map.entry("GIVEN_NAME/SHORT_FORM", new Probabilities(0.05, 0.0015)),
          Map.entry("GIVEN_NAME/TRANSLITERATION", new Probabilities(0.03, 0.0005)),
          Map.entry("GIVEN_NAME/CLOSE", new Probabilities(0.04, 0.004)),
          Map.entry("GIVEN_NAME/DIFFERENT", new Probabilities(0.03, 0.988)),
          Map.entry("FAMILY_NAME/EXACT", new Probabilities(0.90, 0.003)),
          Map.entry("FAMILY_NAME/PART", new Probabilities(0.03, 0.0003)),
          Map.entry("FAMILY_NAME/CLOSE", new Probabilities(0.04, 0.002)),
          Map.entry("FAMILY_NAME/DIFFERENT", new Probabilities(0.03, 0.9947)),
          Map.entry("DATE_OF_BIRTH/EXACT", new Probabilities(0.86, 0.00015)),
          Map.entry("DATE_OF_BIRTH/SWAPPED", new Probabilities(0.02, 0.00001)),
          Map.entry("DATE_OF_BIRTH/ONE_DIGIT", new Probabilities(0.05, 0.0015)),
          Map.entry("DATE_OF_BIRTH/WITHIN_31_DAYS", new Probabilities(0.03, 0.009)),
          Map.entry("DATE_OF_BIRTH/ESTIMATED_WITHIN_YEAR", new Probabilities(0.03, 0.05)),
          Map.entry("DATE_OF_BIRTH/DIFFERENT", new Probabilities(0.01, 0.9393)),
          Map.entry("SEX/SAME", new Probabilities(0.98, 0.5)),
          Map.entry("SEX/DIFFERENT", new Probabilities(0.02, 0.5)),
          Map.entry("PNC_ID/SAME", new Probabilities(0.99, 0.00001)),
          Map.entry("PNC_ID/DIFFERENT", new Probabilities(0.0002, 0.99)),
          Map.entry("RESPONSIBLE_AUTHORITY/SAME", new Probabilities(0.85, 0.02)),
          Map.entry("RESPONSIBLE_AUTHORITY/DIFFERENT", new Probabilities(0.15, 0.98)));

  private ChildMatchModel() {}

  /** The m and u of a level, e.g. {@code DATE_OF_BIRTH/SWAPPED}. */
  public static Probabilities of(Field field, String level) {
    Probabilities p = LEVELS.get(field.name() + "/" + level);
    if (p == null) {
      throw new IllegalArgumentException("no level " + level + " for " + field);
    }
    return p;
  }

  /** Weighs the levels of one pair. */
  public static Scored score(List<Level> levels, Frequencies frequencies) {
    double weight = PRIOR_WEIGHT;
    List<String> reasons = new ArrayList<>();
    for (Level level : levels) {
      Probabilities p = of(level.field(), level.level());
      double u = p.u();
      if (level.value() != null) {
        long records = frequencies.records(level.field(), level.value());
        u = (records + SMOOTHING * p.u()) / (frequencies.total() + SMOOTHING);
      }
      weight += Math.log(p.m() / u) / Math.log(2);
      reasons.add(level.reason());
    }
    double probability = 1 / (1 + Math.pow(2, -weight));
    return new Scored(Math.round(probability * 1000) / 1000.0, weight, reasons);
  }
}
