package uk.police.missing.graph.intelligence;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A place, person, phone or vehicle that recurs around missing children, with how much.
 *
 * @param kind Place, Person, Phone or Vehicle
 * @param entityId the entity; for a probable person, the first of its members by id
 * @param memberIds the people counted as one probable person (just the entity otherwise)
 * @param because for a probable person, the possible matches' reasons that group its members
 * @param filter the filter the hit was counted under, so its evidence is read under the same one
 */
public record ConcernHit(
    String kind,
    String entityId,
    List<String> memberIds,
    List<String> because,
    long childCount,
    long forceCount,
    long episodeCount,
    List<String> childIds,
    List<String> forceCodes,
    OffsetDateTime firstSeen,
    OffsetDateTime lastSeen,
    EpisodeFilter filter) {

  /** True when the hit counts several unconfirmed records as one person. */
  public boolean probable() {
    return memberIds.size() > 1;
  }
}
