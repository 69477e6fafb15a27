package uk.police.missing.api.filter;

import java.time.OffsetDateTime;
import java.util.List;

/** The schema's {@code Filter} input, as sent; {@link Filters} checks it. */
public record FilterInput(
    List<String> force,
    List<String> forceArea,
    List<String> localAuthority,
    List<String> where,
    OffsetDateTime from,
    OffsetDateTime until,
    List<String> riskLevel,
    List<String> concern,
    List<String> careStatus,
    Boolean lookedAfter,
    Boolean placedOutOfArea,
    List<String> placeKind) {

  /** Whether any part other than force areas and authorities is given. */
  boolean hasEpisodeParts() {
    return force != null
        || where != null
        || from != null
        || until != null
        || riskLevel != null
        || concern != null
        || careStatus != null
        || lookedAfter != null
        || placedOutOfArea != null
        || placeKind != null;
  }
}
