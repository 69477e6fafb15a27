package uk.police.missing.graph.linkage;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A child's names as identity and matching read them, worked out in one place for ingest and
 * for the migrations that bring older stores up to date: the normalised form, the name keys the
 * model counts, and the blocking keys.
 */
public final class ChildNames {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern FAMILY_PARTS = Pattern.compile("[\\s\\-]+");

  private ChildNames() {}

  /**
   * A name for comparison: accents, case, spacing, hyphens, apostrophes and other punctuation
   * set aside ({@code O'Neill}, {@code ONEILL} and {@code O Neill} all give {@code oneill}).
   */
  public static String normalise(String written) {
    String plain = MARKS.matcher(Normalizer.normalize(written, Normalizer.Form.NFD)).replaceAll("");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /** The given name then each alias, normalised, in that order (empty ones kept). */
  public static List<String> givenNames(String givenName, List<String> aliases) {
    List<String> names = new ArrayList<>();
    if (givenName != null) {
      names.add(normalise(givenName));
    }
    if (aliases != null) {
      aliases.forEach(a -> names.add(normalise(a)));
    }
    return names;
  }

  /** The parts of a double-barrelled family name ('Smith-Jones', 'Smith Jones'), normalised. */
  public static List<String> familyParts(String familyName) {
    return Arrays.stream(FAMILY_PARTS.split(familyName))
        .map(ChildNames::normalise)
        .filter(p -> !p.isEmpty())
        .distinct()
        .toList();
  }

  /**
   * The names the match model reads and counts: {@code given:} for the given name and each
   * alias, {@code family:} for the family name, {@code part:} for each part of a double-barrelled
   * one. Names that normalise to nothing are left out.
   */
  public static List<String> nameKeys(String givenName, String familyName, List<String> aliases) {
    List<String> keys = new ArrayList<>();
    givenNames(givenName, aliases).stream()
        .filter(n -> !n.isEmpty())
        .distinct()
        .forEach(n -> keys.add("given:" + n));
    if (familyName != null && !normalise(familyName).isEmpty()) {
      keys.add("family:" + normalise(familyName));
      List<String> parts = familyParts(familyName);
      if (parts.size() > 1) {
        parts.forEach(p -> keys.add("part:" + p));
      }
    }
    return List.copyOf(keys);
  }

  /** The blocking keys of {@link ChildBlocking} for these names and date of birth. */
  public static List<String> matchKeys(
      String givenName,
      String familyName,
      List<String> aliases,
      LocalDate dateOfBirth,
      boolean dateOfBirthEstimated) {
    if (familyName == null) {
      return List.of();
    }
    return ChildBlocking.keys(
        givenNames(givenName, aliases).stream().distinct().toList(),
        normalise(familyName),
        familyParts(familyName),
        dateOfBirth,
        dateOfBirthEstimated);
  }
}
