package uk.police.missing.graph.linkage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * The keys under which a child's record is compared with others (Splink's blocking rules): two
 * records are compared only when they share one. Each key holds a year of birth or a whole date
 * of birth, so a block holds about as many records at ten years of data as at one, and finding
 * candidates for a new record never scans the store.
 *
 * <ul>
 *   <li>{@code child:name-born:YEAR|given|family} and {@code child:name-birthday:MM-DD|given|family}:
 *       the same names, a slip in the date (the rules before sounds and forms were added);
 *   <li>{@code child:sound-born:YEAR|GIVEN|FAMILY}: the Double Metaphone codes of the names (Jayden
 *       and Jaden, Arthur and Arthr, Aleksandra and Alexandra);
 *   <li>{@code child:form-born:YEAR|name|FAMILY}: a name the given name meets its short, long or
 *       transliterated forms under (Cal and Callum under callum);
 *   <li>{@code child:dob-family:DATE|FAMILY}: the date of birth with the family name's code, for
 *       given names the tables do not relate.
 * </ul>
 *
 * <p>Years: the year of birth, and the year of a date 31 days either side of it when that is
 * another year, so dates of birth within 31 days meet across New Year; for an estimated date of
 * birth, the year before and after too. A double-barrelled family name is keyed whole and by
 * each part. A record whose family name, or every given name, is of one letter or has anything
 * but letters once normalised (another script normalises to nothing) gets no key at all: it
 * meets others only by the firm keys, and cannot flood a block.
 */
public final class ChildBlocking {

  private static final int CODE_LENGTH = 6;

  // Configured once and never changed after, so one instance serves every thread.
  private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

  static {
    METAPHONE.setMaxCodeLen(CODE_LENGTH);
  }

  private ChildBlocking() {}

  /**
   * @param givenNames the given name and aliases, normalised as {@code Keys.name} does
   * @param family the family name normalised as a whole ({@code smithjones})
   * @param familyParts the parts of a double-barrelled family name, each normalised
   */
  public static List<String> keys(
      List<String> givenNames,
      String family,
      List<String> familyParts,
      LocalDate dateOfBirth,
      boolean estimated) {
    if (dateOfBirth == null || !usable(family) || givenNames.stream().noneMatch(ChildBlocking::usable)) {
      return List.of();
    }
    Set<String> keys = new TreeSet<>();
    List<String> familyCodes = new ArrayList<>(List.of(sound(family)));
    if (familyParts.size() > 1) {
      familyParts.stream().filter(ChildBlocking::usable).map(ChildBlocking::sound).forEach(familyCodes::add);
    }
    List<Integer> years = years(dateOfBirth, estimated);
    for (String given : givenNames) {
      if (!usable(given)) {
        continue;
      }
      String names = "|" + given + "|" + family;
      for (int year : estimated ? years : List.of(dateOfBirth.getYear())) {
        keys.add("child:name-born:" + year + names);
      }
      if (!estimated) {
        keys.add("child:name-birthday:" + dateOfBirth.toString().substring(5) + names);
      }
      String givenCode = sound(given);
      Set<String> forms = NameForms.standard().meetingNames(given);
      for (String familyCode : familyCodes) {
        for (int year : years) {
          keys.add("child:sound-born:" + year + "|" + givenCode + "|" + familyCode);
          for (String form : forms) {
            keys.add("child:form-born:" + year + "|" + form + "|" + familyCode);
          }
        }
      }
    }
    if (!estimated) {
      keys.add("child:dob-family:" + dateOfBirth + "|" + familyCodes.get(0));
    }
    return List.copyOf(keys);
  }

  /** The Double Metaphone code of a normalised name, as the keys and comparisons use it. */
  public static String sound(String name) {
    return METAPHONE.doubleMetaphone(name);
  }

  /** Whether a normalised name can find candidates: two letters or more, letters only. */
  public static boolean usable(String name) {
    return name != null && name.length() >= 2 && name.chars().allMatch(c -> c >= 'a' && c <= 'z');
  }

  private static List<Integer> years(LocalDate dateOfBirth, boolean estimated) {
    Set<Integer> years = new TreeSet<>();
    years.add(dateOfBirth.getYear());
    if (estimated) {
      years.add(dateOfBirth.getYear() - 1);
      years.add(dateOfBirth.getYear() + 1);
    } else {
      years.add(dateOfBirth.minusDays(31).getYear());
      years.add(dateOfBirth.plusDays(31).getYear());
    }
    return List.copyOf(years);
  }
}
