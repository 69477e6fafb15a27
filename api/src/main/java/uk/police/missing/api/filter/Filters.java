package uk.police.missing.api.filter;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.police.missing.api.graphql.ForceArguments;
import uk.police.missing.api.graphql.InvalidArgumentException;
import uk.police.missing.graph.area.AreaDirectory;
import uk.police.missing.graph.area.LocalAuthority;
import uk.police.missing.graph.intelligence.EpisodeFilter;

/**
 * Reads a {@link FilterInput} into the graph's {@link EpisodeFilter}: force codes in any case,
 * authorities by code or name, each checked, so a mistyped code is an error that names it
 * rather than an empty list that looks like an answer.
 */
@Component
public class Filters {

  /** The most values one part of a filter may list. */
  static final int MAX_VALUES = 100;

  private final ForceArguments forces;
  private final AreaDirectory areas;

  Filters(ForceArguments forces, AreaDirectory areas) {
    this.forces = forces;
    this.areas = areas;
  }

  /** The filter, checked; no filter is every counting episode. */
  public EpisodeFilter episodes(FilterInput input) {
    if (input == null) {
      return EpisodeFilter.none();
    }
    if (input.from() != null && input.until() != null && !input.from().isBefore(input.until())) {
      throw new InvalidArgumentException("filter.from", "filter: 'from' must be before 'until'");
    }
    return new EpisodeFilter(
        forceCodes("filter.force", input.force()),
        forceCodes("filter.forceArea", input.forceArea()),
        authorities("filter.localAuthority", input.localAuthority()),
        limited("filter.where", input.where()),
        input.from(),
        input.until(),
        limited("filter.riskLevel", input.riskLevel()),
        limited("filter.concern", input.concern()),
        limited("filter.careStatus", input.careStatus()),
        input.lookedAfter(),
        input.placedOutOfArea(),
        limited("filter.placeKind", input.placeKind()));
  }

  /** For a list of places: only the area parts apply, and giving another is an error. */
  public EpisodeFilter places(FilterInput input) {
    if (input != null && input.hasEpisodeParts()) {
      throw new InvalidArgumentException(
          "filter: only forceArea and localAuthority apply to a place search");
    }
    return episodes(input);
  }

  /** Force codes, upper case, each one of the national list. */
  public List<String> forceCodes(String argument, List<String> values) {
    return forces.many(argument, limited(argument, values));
  }

  private List<String> authorities(String argument, List<String> values) {
    List<String> checked = limited(argument, values);
    if (checked == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (String value : checked) {
      LocalAuthority authority =
          areas
              .authority(value)
              .orElseThrow(
                  () ->
                      new InvalidArgumentException(
                          argument,
                          argument
                              + ": "
                              + ForceArguments.quoted(value)
                              + " is not a children's services authority of England or Wales;"
                              + " the localAuthorities query lists them"));
      out.add(authority.code());
    }
    return out;
  }

  private static List<String> limited(String argument, List<String> values) {
    if (values == null) {
      return null;
    }
    if (values.size() > MAX_VALUES) {
      throw new InvalidArgumentException(argument, argument + ": at most " + MAX_VALUES + " values");
    }
    return values;
  }
}
