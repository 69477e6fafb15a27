package uk.police.missing.graph.area;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.police.missing.graph.episode.EpisodeWrite.PlaceMention;

/**
 * What an episode's analysts filter by, worked out once at ingest from what the record says:
 * where it happened (the force area and authority of each place, by role), the concerns on the
 * child and the grading, and whether a looked-after child was placed outside the authority
 * responsible for them. Kept on the episode node so that every list reads them from the episode
 * it already holds, without visiting places or records. Ingest works them out from each record;
 * a store written before they existed gets them from the graph (migration V0013).
 */
public final class EpisodeAreas {

  // The kinds of missingFrom that are a placement, where a looked-after child lives.
  private static final Set<String> PLACEMENTS =
      Set.of("FOSTER_PLACEMENT", "CHILDRENS_HOME", "SUPPORTED_ACCOMMODATION", "SECURE_UNIT");

  private EpisodeAreas() {}

  /** The area of a place as written: by its postcode, else by its position. */
  public static Area of(AreaDirectory areas, String postcode, Double lat, Double lon) {
    Area byPostcode = postcode == null ? null : areas.ofPostcode(postcode).orElse(null);
    if (byPostcode != null || lat == null || lon == null) {
      return byPostcode;
    }
    return areas.ofPoint(lat, lon).orElse(null);
  }

  /**
   * Adds the derived properties to the episode's own: {@code missingFromArea}/{@code
   * missingFromAuthority}, {@code lastSeenArea}/..., {@code foundArea}/..., {@code
   * sightingAreas}/{@code sightingAuthorities}, the union of all of them in {@code forceAreas}
   * and {@code authorities} (a home address is where the child lives, not where the episode
   * happened, so it is left out), {@code placeKinds}, {@code careStatus}, {@code concerns},
   * {@code responsibleAuthorityCode} and {@code placedOutOfArea}.
   */
  public static void describe(
      Map<String, Object> episode,
      List<PlaceMention> places,
      Map<String, Object> child,
      AreaDirectory areas) {
    Set<String> forceAreas = new LinkedHashSet<>();
    Set<String> authorities = new LinkedHashSet<>();
    Set<String> sightingAreas = new LinkedHashSet<>();
    Set<String> sightingAuthorities = new LinkedHashSet<>();
    Set<String> kinds = new LinkedHashSet<>();
    Area missingFrom = null;
    Area home = null;
    for (PlaceMention mention : places) {
      Area area = mention.place().area();
      if (mention.type().equals("HOME_PLACE")) {
        home = area;
        continue;
      }
      if (mention.properties().get("kind") instanceof String kind) {
        kinds.add(kind);
      }
      if (area == null) {
        continue;
      }
      forceAreas.add(area.forceArea());
      addIfPresent(authorities, area.authorityCode());
      switch (mention.type()) {
        case "MISSING_FROM" -> {
          missingFrom = area;
          put(episode, "missingFromArea", "missingFromAuthority", area);
        }
        case "LAST_SEEN_AT" -> put(episode, "lastSeenArea", "lastSeenAuthority", area);
        case "FOUND_AT" -> put(episode, "foundArea", "foundAuthority", area);
        default -> {
          sightingAreas.add(area.forceArea());
          addIfPresent(sightingAuthorities, area.authorityCode());
        }
      }
    }
    episode.put("forceAreas", List.copyOf(forceAreas));
    episode.put("authorities", List.copyOf(authorities));
    episode.put("sightingAreas", List.copyOf(sightingAreas));
    episode.put("sightingAuthorities", List.copyOf(sightingAuthorities));
    episode.put("placeKinds", List.copyOf(kinds));

    String careStatus = (String) child.get("careStatus");
    if (careStatus != null) {
      episode.put("careStatus", careStatus);
    }
    Set<String> concerns = new LinkedHashSet<>(strings(episode.get("riskFactors")));
    concerns.addAll(strings(child.get("flags")));
    episode.put("concerns", List.copyOf(concerns));

    LocalAuthority responsible =
        areas.authority((String) child.get("responsibleAuthority")).orElse(null);
    if (responsible != null) {
      episode.put("responsibleAuthorityCode", responsible.code());
    }
    // Placed out of area: looked after, and living (the placement they went missing from, else
    // the home address given) in another authority than the one responsible. Unknown either
    // way is neither in nor out of area.
    Area placement =
        PLACEMENTS.contains(episode.get("missingFromKind")) && missingFrom != null ? missingFrom : home;
    if ("LOOKED_AFTER".equals(careStatus)
        && responsible != null
        && placement != null
        && placement.authorityCode() != null) {
      episode.put("placementAuthority", placement.authorityCode());
      episode.put("placedOutOfArea", !placement.authorityCode().equals(responsible.code()));
    }
  }

  private static void put(Map<String, Object> episode, String areaKey, String authorityKey, Area area) {
    episode.put(areaKey, area.forceArea());
    if (area.authorityCode() != null) {
      episode.put(authorityKey, area.authorityCode());
    }
  }

  private static void addIfPresent(Set<String> set, String value) {
    if (value != null) {
      set.add(value);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return value == null ? List.of() : new ArrayList<>((List<String>) value);
  }
}
