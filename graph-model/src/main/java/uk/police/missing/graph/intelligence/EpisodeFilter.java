package uk.police.missing.graph.intelligence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which episodes count, the same for every list and ranking. Every part is optional; an absent
 * part filters nothing, and the parts combine with AND. Withdrawn episodes never count.
 *
 * @param forces the forces that reported the episode
 * @param forceAreas force areas where the episode happened (see {@code where})
 * @param authorities children's services authorities (GSS codes) where it happened
 * @param where which of the episode's places the area filters look at: MISSING_FROM,
 *     LAST_SEEN_AT, SIGHTED_AT, FOUND_AT; empty: any of them
 * @param from reported at or after
 * @param until reported before
 * @param riskLevels risk grading
 * @param concerns any of these concerns among the grading's factors and the child's flags
 * @param careStatuses the child's care status as the episode gives it
 * @param lookedAfter the child was (true) or was not (false) looked after
 * @param placedOutOfArea a looked-after child placed outside the authority responsible (true),
 *     or inside it (false); episodes where either is unknown match neither
 * @param placeKinds the kind of any of the episode's places (HOTEL, SHORT_LET, ...)
 */
public record EpisodeFilter(
    List<String> forces,
    List<String> forceAreas,
    List<String> authorities,
    List<String> where,
    OffsetDateTime from,
    OffsetDateTime until,
    List<String> riskLevels,
    List<String> concerns,
    List<String> careStatuses,
    Boolean lookedAfter,
    Boolean placedOutOfArea,
    List<String> placeKinds) {

  /** Every counting episode. */
  public static EpisodeFilter none() {
    return new EpisodeFilter(null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** The same filter over another period. */
  public EpisodeFilter between(OffsetDateTime from, OffsetDateTime until) {
    return new EpisodeFilter(
        forces, forceAreas, authorities, where, from, until, riskLevels, concerns, careStatuses,
        lookedAfter, placedOutOfArea, placeKinds);
  }

  /** The same filter without its forces (a list that chooses by force otherwise). */
  public EpisodeFilter anyForce() {
    return new EpisodeFilter(
        null, forceAreas, authorities, where, from, until, riskLevels, concerns, careStatuses,
        lookedAfter, placedOutOfArea, placeKinds);
  }

  /** The same filter without its place parts (areas and kinds), for a list of places. */
  public EpisodeFilter anyPlace() {
    return new EpisodeFilter(
        forces, null, null, null, from, until, riskLevels, concerns, careStatuses, lookedAfter,
        placedOutOfArea, null);
  }

  // Each property name maps to the episode's property for each place role; MISSING_FROM and so
  // on are the contract's names, so an analyst reads the same word in a filter and an episode.
  private static final Map<String, String[]> ROLE_PROPERTIES =
      Map.of(
          "MISSING_FROM", new String[] {"missingFromArea", "missingFromAuthority"},
          "LAST_SEEN_AT", new String[] {"lastSeenArea", "lastSeenAuthority"},
          "FOUND_AT", new String[] {"foundArea", "foundAuthority"});

  /**
   * The filter as a Cypher condition on the episode variable {@code e}, starting with the
   * withdrawn check; values go in {@link #parameters()} under names starting {@code f_}. The text
   * is put together from fixed pieces only: no value ever becomes Cypher.
   */
  public String condition(String e) {
    List<String> parts = new ArrayList<>();
    // Ingest always sets withdrawn, so the equality an index can serve says the same.
    parts.add("%s.withdrawn = false");
    if (present(forces)) {
      parts.add("%s.force IN $f_forces");
    }
    if (from != null) {
      parts.add("%s.reportedAt >= $f_from");
    }
    if (until != null) {
      parts.add("%s.reportedAt < $f_until");
    }
    if (present(forceAreas)) {
      parts.add(areaCondition(0, "forceAreas", "sightingAreas", "$f_forceAreas"));
    }
    if (present(authorities)) {
      parts.add(areaCondition(1, "authorities", "sightingAuthorities", "$f_authorities"));
    }
    if (present(riskLevels)) {
      parts.add("%s.riskLevel IN $f_riskLevels");
    }
    if (present(concerns)) {
      parts.add("any(c IN coalesce(%s.concerns, []) WHERE c IN $f_concerns)");
    }
    if (present(careStatuses)) {
      parts.add("%s.careStatus IN $f_careStatuses");
    }
    if (lookedAfter != null) {
      parts.add(
          lookedAfter
              ? "%s.careStatus = 'LOOKED_AFTER'"
              : "coalesce(%s.careStatus, '') <> 'LOOKED_AFTER'");
    }
    if (placedOutOfArea != null) {
      parts.add("%s.placedOutOfArea = $f_placedOutOfArea");
    }
    if (present(placeKinds)) {
      parts.add("any(k IN coalesce(%s.placeKinds, []) WHERE k IN $f_placeKinds)");
    }
    return String.join(" AND ", parts.stream().map(p -> p.replace("%s", e)).toList());
  }

  // One role reads its own property (which an index can serve); several, or none named, read
  // the list of all of them.
  private String areaCondition(int index, String all, String sightings, String parameter) {
    if (!present(where)) {
      return "any(a IN coalesce(%s." + all + ", []) WHERE a IN " + parameter + ")";
    }
    List<String> values = new ArrayList<>();
    boolean sighted = false;
    for (String role : where) {
      String[] properties = ROLE_PROPERTIES.get(role);
      if (properties != null) {
        values.add("%s." + properties[index]);
      } else if (role.equals("SIGHTED_AT")) {
        sighted = true;
      } else {
        throw new IllegalArgumentException("not a place role: " + role);
      }
    }
    if (values.size() == 1 && !sighted) {
      return values.get(0) + " IN " + parameter;
    }
    String list = "[" + String.join(", ", values) + "]";
    if (sighted) {
      list = list + " + coalesce(%s." + sightings + ", [])";
    }
    return "any(a IN " + list + " WHERE a IN " + parameter + ")";
  }

  /** The values the condition refers to. */
  public Map<String, Object> parameters() {
    Map<String, Object> out = new HashMap<>();
    out.put("f_forces", forces);
    out.put("f_forceAreas", forceAreas);
    out.put("f_authorities", authorities);
    out.put("f_from", from);
    out.put("f_until", until);
    out.put("f_riskLevels", riskLevels);
    out.put("f_concerns", concerns);
    out.put("f_careStatuses", careStatuses);
    out.put("f_placedOutOfArea", placedOutOfArea);
    out.put("f_placeKinds", placeKinds);
    return out;
  }

  private static boolean present(List<String> values) {
    return values != null && !values.isEmpty();
  }
}
