package uk.police.missing.graph.area;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds an authority by the name a record gives it. Councils are written many ways ({@code
 * Birmingham City Council}, {@code BIRMINGHAM CC}, {@code Bristol, City of}); the words that say
 * what kind of council it is are set aside on both sides before comparing.
 */
final class AuthorityNames {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
  // Words that name the kind of council, not which one.
  private static final Pattern KIND =
      Pattern.compile(
          "\\b(the|council|county|city|borough|metropolitan|district|royal|london borough of|of|cc|mbc|bc)\\b");

  private final Map<String, LocalAuthority> byName = new HashMap<>();

  AuthorityNames(Collection<LocalAuthority> authorities) {
    for (LocalAuthority a : authorities) {
      byName.putIfAbsent(normalise(a.name()), a);
    }
  }

  Optional<LocalAuthority> find(String written) {
    return Optional.ofNullable(byName.get(normalise(written)));
  }

  static String normalise(String name) {
    String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
    String words = NOT_ALNUM.matcher(plain.toLowerCase(Locale.ROOT).replace("&", " and ")).replaceAll(" ");
    return KIND.matcher(words).replaceAll(" ").replaceAll("\\s+", " ").strip();
  }
}
