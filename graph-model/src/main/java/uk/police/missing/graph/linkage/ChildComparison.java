package uk.police.missing.graph.linkage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Compares two records of a child field by field, each comparison falling into one level (as in
 * Splink): for given names exact, a short or long form, a transliteration, close (one slip: an
 * edit or two letters swapped, Jaro–Winkler at least 0.9, or the same sound), or different. A
 * field either record leaves blank is not compared. Each level carries the reason an analyst
 * reads.
 */
public final class ChildComparison {

  /** The fields compared, in the order their reasons are listed. */
  public enum Field {
    GIVEN_NAME("given names"),
    FAMILY_NAME("family names"),
    DATE_OF_BIRTH("dates of birth"),
    SEX("sex"),
    PNC_ID("PNC ids"),
    RESPONSIBLE_AUTHORITY("responsible authorities");

    private final String words;

    Field(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  /**
   * What one record of a child says, names normalised as {@code Keys.name} does.
   *
   * @param givenNames the given name first, then the aliases
   * @param familyParts the parts of a double-barrelled family name, or the one name
   */
  public record Child(
      List<String> givenNames,
      String family,
      List<String> familyParts,
      LocalDate dateOfBirth,
      boolean dateOfBirthEstimated,
      String sex,
      String pncId,
      String responsibleAuthority) {}

  /**
   * How one field compares.
   *
   * @param value the name both share, for a level whose weight depends on how common it is
   */
  public record Level(Field field, String level, String reason, String value) {}

  private static final LevenshteinDistance EDITS = new LevenshteinDistance(2);
  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

  private ChildComparison() {}

  /** The level of each field both records give. */
  public static List<Level> compare(Child a, Child b) {
    List<Level> levels = new ArrayList<>();
    levels.add(given(a.givenNames(), b.givenNames()));
    if (a.family() != null && b.family() != null) {
      levels.add(family(a, b));
    }
    if (a.dateOfBirth() != null && b.dateOfBirth() != null) {
      levels.add(dateOfBirth(a, b));
    }
    same(levels, Field.SEX, a.sex(), b.sex());
    same(levels, Field.PNC_ID, a.pncId(), b.pncId());
    same(levels, Field.RESPONSIBLE_AUTHORITY, a.responsibleAuthority(), b.responsibleAuthority());
    return levels;
  }

  /**
   * Whether the levels meet the force contract's own rule for a possible match, which stays a
   * floor whatever the model weighs: the same given (or alias) and family name, with dates of
   * birth a day/month swap or one digit apart, or one estimated and within a year.
   */
  public static boolean contractPossibleMatch(List<Level> levels) {
    boolean given = false;
    boolean family = false;
    boolean date = false;
    for (Level level : levels) {
      switch (level.field()) {
        case GIVEN_NAME -> given = level.level().equals("EXACT");
        case FAMILY_NAME -> family = level.level().equals("EXACT");
        case DATE_OF_BIRTH ->
            date = List.of("SWAPPED", "ONE_DIGIT", "ESTIMATED_WITHIN_YEAR").contains(level.level());
        default -> {}
      }
    }
    return given && family && date;
  }

  // The best level over every given name and alias of one record against every one of the other.
  static Level given(List<String> namesA, List<String> namesB) {
    Level best = null;
    for (String x : namesA) {
      for (String y : namesB) {
        Level level = givenPair(x, y);
        if (best == null || rank(level.level()) < rank(best.level())) {
          best = level;
        }
      }
    }
    return best == null
        ? new Level(Field.GIVEN_NAME, "DIFFERENT", "given names: none to compare", null)
        : best;
  }

  private static Level givenPair(String x, String y) {
    String f = Field.GIVEN_NAME.words() + ": ";
    if (x.equals(y)) {
      return new Level(Field.GIVEN_NAME, "EXACT", f + "both " + cap(x), x);
    }
    NameForms forms = NameForms.standard();
    NameForms.Relation relation = forms.relation(x, y);
    if (relation == NameForms.Relation.TRANSLITERATION) {
      return new Level(
          Field.GIVEN_NAME, "TRANSLITERATION",
          f + cap(x) + " and " + cap(y) + " are spellings of one name", null);
    }
    if (relation == NameForms.Relation.SHORT_FORM) {
      // The table lists some pairs both ways round; then the shorter name is the short form.
      boolean xShort = forms.isShortFormOf(x, y);
      boolean yShort = forms.isShortFormOf(y, x);
      if (xShort && yShort) {
        xShort = x.length() <= y.length();
        yShort = !xShort;
      }
      String reason =
          xShort
              ? cap(x) + " is a short form of " + cap(y)
              : yShort
                  ? cap(y) + " is a short form of " + cap(x)
                  : cap(x) + " and " + cap(y) + " are short forms of " + cap(forms.sharedLongForm(x, y));
      return new Level(Field.GIVEN_NAME, "SHORT_FORM", f + reason, null);
    }
    return closeOrDifferent(Field.GIVEN_NAME, x, y);
  }

  private static Level family(Child a, Child b) {
    String f = Field.FAMILY_NAME.words() + ": ";
    String x = a.family();
    String y = b.family();
    if (x.equals(y)) {
      return new Level(Field.FAMILY_NAME, "EXACT", f + "both " + cap(x), x);
    }
    for (String part : a.familyParts().size() > 1 ? a.familyParts() : List.of(x)) {
      for (String other : b.familyParts().size() > 1 ? b.familyParts() : List.of(y)) {
        if (part.equals(other) && (a.familyParts().size() > 1 || b.familyParts().size() > 1)) {
          return new Level(
              Field.FAMILY_NAME, "PART", f + cap(part) + " is one part of a double-barrelled name", null);
        }
      }
    }
    return closeOrDifferent(Field.FAMILY_NAME, x, y);
  }

  // The last levels of a name: close by one slip, a likeness or a sound, else different.
  private static Level closeOrDifferent(Field field, String x, String y) {
    String f = field.words() + ": " + cap(x) + " and " + cap(y) + " ";
    String close = close(x, y);
    return close != null
        ? new Level(field, "CLOSE", f + close, null)
        : new Level(field, "DIFFERENT", f + "differ", null);
  }

  private static Level dateOfBirth(Child a, Child b) {
    String f = Field.DATE_OF_BIRTH.words() + ": ";
    LocalDate x = a.dateOfBirth();
    LocalDate y = b.dateOfBirth();
    long days = Math.abs(ChronoUnit.DAYS.between(x, y));
    if (a.dateOfBirthEstimated() || b.dateOfBirthEstimated()) {
      return days <= 365
          ? new Level(Field.DATE_OF_BIRTH, "ESTIMATED_WITHIN_YEAR",
              f + x + " and " + y + ", one estimated, within a year", null)
          : new Level(Field.DATE_OF_BIRTH, "DIFFERENT", f + x + " and " + y + " differ", null);
    }
    if (x.equals(y)) {
      return new Level(Field.DATE_OF_BIRTH, "EXACT", f + "both " + x, null);
    }
    if (x.getYear() == y.getYear()
        && x.getDayOfMonth() == y.getMonthValue()
        && x.getMonthValue() == y.getDayOfMonth()) {
      return new Level(Field.DATE_OF_BIRTH, "SWAPPED",
          f + x + " and " + y + " have day and month swapped", null);
    }
    if (oneCharacterApart(x.toString(), y.toString())) {
      return new Level(Field.DATE_OF_BIRTH, "ONE_DIGIT", f + x + " and " + y + " are one digit apart", null);
    }
    if (days <= 31) {
      return new Level(Field.DATE_OF_BIRTH, "WITHIN_31_DAYS",
          f + x + " and " + y + " are " + days + (days == 1 ? " day" : " days") + " apart", null);
    }
    return new Level(Field.DATE_OF_BIRTH, "DIFFERENT", f + x + " and " + y + " differ", null);
  }

  private static void same(List<Level> levels, Field field, String x, String y) {
    if (x == null || y == null) {
      return;
    }
    String f = field.words() + ": ";
    levels.add(
        x.equalsIgnoreCase(y)
            ? new Level(field, "SAME", f + "both " + x, null)
            : new Level(field, "DIFFERENT", f + x + " and " + y + " differ", null));
  }

  /** How two different names are close, in words, or null when they are not. */
  static String close(String x, String y) {
    if (EDITS.apply(x, y) == 1) {
      return "differ by one letter";
    }
    if (swapped(x, y)) {
      return "differ by two letters swapped";
    }
    double alike = JARO_WINKLER.apply(x, y);
    if (alike >= 0.9) {
      return String.format(Locale.ROOT, "are alike (Jaro–Winkler %.2f)", alike);
    }
    if (ChildBlocking.usable(x) && ChildBlocking.usable(y)
        && ChildBlocking.sound(x).equals(ChildBlocking.sound(y))) {
      return "sound alike";
    }
    return null;
  }

  // The one transposition Levenshtein counts as two edits (Damerau's case): 'jaems', 'james'.
  private static boolean swapped(String x, String y) {
    if (x.length() != y.length()) {
      return false;
    }
    int first = -1;
    for (int i = 0; i < x.length(); i++) {
      if (x.charAt(i) != y.charAt(i)) {
        if (first >= 0) {
          return i == first + 1
              && x.charAt(first) == y.charAt(i)
              && x.charAt(i) == y.charAt(first)
              && x.substring(i + 1).equals(y.substring(i + 1));
        }
        first = i;
      }
    }
    return false;
  }

  private static boolean oneCharacterApart(String x, String y) {
    int differences = 0;
    for (int i = 0; i < x.length(); i++) {
      if (x.charAt(i) != y.charAt(i) && ++differences > 1) {
        return false;
      }
    }
    return differences == 1;
  }

  private static int rank(String level) {
    return switch (level) {
      case "EXACT" -> 0;
      case "SHORT_FORM" -> 1;
      case "TRANSLITERATION" -> 2;
      case "CLOSE" -> 3;
      default -> 4;
    };
  }

  private static String cap(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
