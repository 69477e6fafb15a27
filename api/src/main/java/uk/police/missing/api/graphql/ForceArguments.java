package uk.police.missing.api.graphql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.police.missing.graph.force.ForceCatalogue;

/**
 * Force code arguments, read as the graph holds them: upper case, and on the national force list.
 * A code in lower or mixed case ({@code gmp}) is read as its upper-case form. A code not on the
 * list is refused with the argument's name: silently finding nothing would look like a force
 * with no records. Every query argument naming forces goes through here.
 */
@Component
public class ForceArguments {

  /** How much of a caller's value an error quotes: enough to recognise it, not a whole essay. */
  private static final int QUOTED = 20;

  /** How many unknown codes of a list one error names. */
  private static final int NAMED = 5;

  private final ForceCatalogue forces;

  public ForceArguments(ForceCatalogue forces) {
    this.forces = forces;
  }

  /**
   * The force code given as {@code argument}, in upper case; null when none was given (an
   * optional filter left out).
   *
   * @throws InvalidArgumentException naming the argument, when the code is not a force's
   */
  public String one(String argument, String value) {
    if (value == null) {
      return null;
    }
    String code = code(value);
    if (code == null) {
      throw unknown(argument, List.of(value));
    }
    return code;
  }

  /**
   * The force codes given as the list {@code argument}, in upper case, each once, in the order
   * given; null when no list was given. An empty list stays empty: what it means is the query's
   * decision.
   *
   * @throws InvalidArgumentException naming the argument and the codes that are not a force's
   */
  public List<String> many(String argument, List<String> values) {
    if (values == null) {
      return null;
    }
    Set<String> codes = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String value : values) {
      String code = value == null ? null : code(value);
      if (code == null) {
        unknown.add(value);
      } else {
        codes.add(code);
      }
    }
    if (!unknown.isEmpty()) {
      throw unknown(argument, unknown);
    }
    return List.copyOf(codes);
  }

  private String code(String value) {
    String code = value.toUpperCase(Locale.ROOT);
    return forces.find(code).isPresent() ? code : null;
  }

  private static InvalidArgumentException unknown(String argument, List<String> values) {
    List<String> named = values.stream().limit(NAMED).map(ForceArguments::quoted).toList();
    String more = values.size() > NAMED ? " and " + (values.size() - NAMED) + " more" : "";
    String verb = values.size() == 1 ? " is not a force code" : " are not force codes";
    return new InvalidArgumentException(
        argument,
        argument + ": " + String.join(", ", named) + more + verb + "; the forces query lists them");
  }

  // The caller's own value, cut short and with control characters shown as '?', so that a
  // hostile argument cannot fill the answer or break a log line that quotes the message.
  static String quoted(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder text = new StringBuilder("'");
    value.codePoints()
        .limit(QUOTED)
        .forEach(c -> text.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    text.append('\'');
    long length = value.codePointCount(0, value.length());
    if (length > QUOTED) {
      text.insert(text.length() - 1, "...").append(" (").append(length).append(" characters)");
    }
    return text.toString();
  }
}
