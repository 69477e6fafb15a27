package uk.police.missing.graph.linkage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The ways one given name is written as another: short and long forms (Cal and Callum, Beth and
 * Elizabeth) and spellings of one name in different transliterations (Aleksandra and
 * Alexandra). Read from the tables in {@code linkage/} (sources in its SOURCES.md). Names are
 * compared as {@code Keys.name} normalises them: lower case, letters only.
 */
public final class NameForms {

  /** How two different given names are related, if the tables know them. */
  public enum Relation {
    SHORT_FORM,
    TRANSLITERATION
  }

  // A short form such as 'al' stands for many long forms; past this many it says too little to
  // find candidates by (it is still compared).
  static final int MOST_LONG_FORMS_PER_KEY = 8;

  private static final NameForms STANDARD = load();

  private final Map<String, Set<String>> longForms = new HashMap<>();
  private final Map<String, Set<String>> shortForms = new HashMap<>();
  private final Map<String, String> spellingGroup = new HashMap<>();

  private NameForms() {}

  /** The tables that ship with the service. */
  public static NameForms standard() {
    return STANDARD;
  }

  /**
   * The names under which this given name meets its other forms: itself, the first spelling of
   * its transliteration group, and the long forms it is a short form of (up to {@value
   * #MOST_LONG_FORMS_PER_KEY}). Two names that are forms of each other share at least one.
   */
  public Set<String> meetingNames(String name) {
    Set<String> names = new TreeSet<>();
    names.add(spellingGroup.getOrDefault(name, name));
    Set<String> longs = longForms.getOrDefault(name, Set.of());
    if (longs.size() <= MOST_LONG_FORMS_PER_KEY) {
      longs.forEach(l -> names.add(spellingGroup.getOrDefault(l, l)));
    }
    return names;
  }

  /** How two different given names are related, or null when the tables do not relate them. */
  public Relation relation(String a, String b) {
    if (a.equals(b)) {
      return null;
    }
    String groupA = spellingGroup.get(a);
    if (groupA != null && groupA.equals(spellingGroup.get(b))) {
      return Relation.TRANSLITERATION;
    }
    if (isShortFormOf(a, b) || isShortFormOf(b, a) || sharedLongForm(a, b) != null) {
      return Relation.SHORT_FORM;
    }
    return null;
  }

  /** The long form both are short forms of (Liz and Beth: Elizabeth), or null. */
  public String sharedLongForm(String a, String b) {
    for (String longA : longForms.getOrDefault(a, Set.of())) {
      if (longForms.getOrDefault(b, Set.of()).contains(longA)) {
        return longA;
      }
    }
    return null;
  }

  /** Whether {@code shortForm} is a short form of {@code longForm}. */
  public boolean isShortFormOf(String shortForm, String longForm) {
    return shortForms.getOrDefault(longForm, Set.of()).contains(shortForm);
  }

  private static NameForms load() {
    NameForms forms = new NameForms();
    Consumer<List<String>> pair =
        row -> {
          if (row.size() == 2) {
            forms.longForms.computeIfAbsent(row.get(1), k -> new TreeSet<>()).add(row.get(0));
            forms.shortForms.computeIfAbsent(row.get(0), k -> new TreeSet<>()).add(row.get(1));
          }
        };
    read("linkage/short-forms.csv", pair);
    read("linkage/short-forms-uk.csv", pair);
    read(
        "linkage/transliterations.csv",
        row -> row.forEach(name -> forms.spellingGroup.putIfAbsent(name, row.get(0))));
    return forms;
  }

  private static void read(String resource, Consumer<List<String>> row) {
    var in = NameForms.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing name table " + resource);
    }
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        List<String> names =
            java.util.Arrays.stream(line.split(","))
                .map(n -> n.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", ""))
                .filter(n -> !n.isEmpty())
                .toList();
        row.accept(names);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
