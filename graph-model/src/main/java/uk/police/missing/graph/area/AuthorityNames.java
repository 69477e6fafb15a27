package uk.police.missing.graph.area;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds an authority by the name a record gives it. Councils are written many ways ({@code
 * Birmingham City Council}, {@code BIRMINGHAM CC}, {@code Bristol, City of}, {@code London Borough
 * of Camden}, {@code Cyngor Caerdydd}); the words that say what kind of council it is are set aside
 * on both sides before comparing.
 *
 * <p>Names are known from the ONS names of our authorities and from {@code authority-aliases.csv}:
 * every name mySociety records for a UK council, with the authority of ours responsible for all of
 * that council's area today, or none. A name resolves only when everything it could mean is one
 * authority of ours: when two councils' names come to the same words once the kind of council is
 * set aside, or a name belongs to a council outside our list (Scotland, a split county), it
 * resolves to nothing rather than to a guess.
 */
final class AuthorityNames {

  // Longer than any council's name by far: anything longer is not one, and is not worth the work.
  static final int LONGEST = 120;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern APOSTROPHES = Pattern.compile("['\u2019`]");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
  // "City of London" is the one name whose "city" tells it from something else (London).
  private static final Pattern CITY_OF_LONDON = Pattern.compile("\\bcity of london\\b");
  private static final Pattern SAINT = Pattern.compile("\\bsaint\\b");
  // Phrases naming the kind of council or the service, removed before single words, as some hold
  // "and" ("city and county of"), which single names keep ("Brighton and Hove").
  private static final Pattern KIND_PHRASES =
      Pattern.compile(
          "\\b(london borough of|london borough|london boro|royal borough of|metropolitan borough of"
              + "|borough of|city and county of|county borough|bwrdeistref sirol|dinas a sir"
              + "|childrens services|childrens social care|childrens social services|childrens trust"
              + "|social services|social care|unitary authority|local authority)\\b");
  // Words naming the kind of council, not which one (cyngor, dinas: Welsh council, city).
  private static final Pattern KIND_WORDS =
      Pattern.compile(
          "\\b(the|council|county|city|borough|metropolitan|district|royal|of|corporation|authority"
              + "|cc|mbc|bc|cbc|lb|rb|rbc|dc|mdc|ua|cyngor|dinas)\\b");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final Map<String, Set<String>> meanings = new HashMap<>();
  private final Map<String, LocalAuthority> byCode = new HashMap<>();

  /**
   * @param authorities our authorities, known by their ONS names
   * @param aliases other names, each with the code of the authority of ours it means, or an empty
   *     code for a council that is none of ours
   */
  AuthorityNames(Collection<LocalAuthority> authorities, Map<String, String> aliases) {
    for (LocalAuthority a : authorities) {
      byCode.put(a.code(), a);
      add(a.name(), a.code());
    }
    aliases.forEach(this::add);
  }

  private void add(String name, String code) {
    String key = normalise(name);
    if (!key.isEmpty()) {
      meanings.computeIfAbsent(key, k -> new HashSet<>()).add(code);
    }
  }

  Optional<LocalAuthority> find(String written) {
    if (written == null || written.length() > LONGEST) {
      return Optional.empty();
    }
    Set<String> codes = meanings.get(normalise(written));
    if (codes == null || codes.size() != 1) {
      return Optional.empty();
    }
    return Optional.ofNullable(byCode.get(codes.iterator().next()));
  }

  /** The words that tell one council from another: lower case, plain letters, no kind words. */
  static String normalise(String name) {
    String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
    String lower = APOSTROPHES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("").replace("&", " and ");
    String words = SPACES.matcher(NOT_ALNUM.matcher(lower).replaceAll(" ")).replaceAll(" ").strip();
    words = SAINT.matcher(words).replaceAll("st");
    words = CITY_OF_LONDON.matcher(words).replaceAll("cityoflondon");
    words = KIND_PHRASES.matcher(words).replaceAll(" ");
    words = KIND_WORDS.matcher(words).replaceAll(" ");
    return SPACES.matcher(words).replaceAll(" ").strip();
  }
}
