package uk.police.missing.api.graphql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
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

  /** What an error quotes back: letters, digits, spaces, '-' and '_', 20 at most. */
  private static final Pattern CODE_LIKE = Pattern.compile("[A-Za-z0-9 _-]{0,20}");

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

  // The caller's own value, when it could be a mistyped code; anything else (a long text,
  // quotes, Cypher, control characters) is described by its length only, so that a hostile
  // argument is neither echoed into the answer nor into a log line that quotes the message.
  public static String quoted(String value) {
    if (value == null) {
      return "null";
    }
    if (CODE_LIKE.matcher(value).matches()) {
      return "'" + value + "'";
    }
    return "a value of " + value.codePointCount(0, value.length()) + " characters";
  }
}
