package uk.police.missing.api.place;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import uk.police.missing.api.filter.FilterInput;
import uk.police.missing.api.filter.Filters;
import uk.police.missing.api.graphql.Connection;
import uk.police.missing.api.graphql.InvalidArgumentException;
import uk.police.missing.graph.area.AreaDirectory;
import uk.police.missing.graph.area.LocalAuthority;
import uk.police.missing.graph.force.Force;
import uk.police.missing.graph.force.ForceCatalogue;
import uk.police.missing.graph.intelligence.EpisodeFilter;
import uk.police.missing.graph.intelligence.IntelligenceQueries;
import uk.police.missing.graph.place.PlaceSearch;
import uk.police.missing.ingest.resolution.Keys;

@Controller
class PlaceController {

  /** The schema's {@code Near} input. */
  record Near(double lat, double lon, double metres) {}

  /** The most words a text search takes: more narrows nothing an analyst would type. */
  static final int MAX_WORDS = 10;

  /** The longest text a search takes (a long prefix also costs the word index dearly). */
  static final int MAX_TEXT = 200;

  private final PlaceSearch search;
  private final IntelligenceQueries intelligence;
  private final Filters filters;
  private final ForceCatalogue forces;
  private final AreaDirectory areas;

  PlaceController(
      PlaceSearch search,
      IntelligenceQueries intelligence,
      Filters filters,
      ForceCatalogue forces,
      AreaDirectory areas) {
    this.search = search;
    this.intelligence = intelligence;
    this.filters = filters;
    this.forces = forces;
    this.areas = areas;
  }

  /** A page of places found, and whether the words matched more than the search takes. */
  record PlaceHitConnection(
      List<Connection.Edge<PlaceSearch.Hit>> edges,
      Connection.PageInfo pageInfo,
      long totalCount,
      boolean moreThanCounted) {

    static PlaceHitConnection of(PlaceSearch.Found found) {
      Connection<PlaceSearch.Hit> page = Connection.of(found.page());
      return new PlaceHitConnection(
          page.edges(), page.pageInfo(), page.totalCount(), found.moreThanCounted());
    }
  }

  @QueryMapping
  PlaceHitConnection searchPlaces(
      @Argument String postcode,
      @Argument String text,
      @Argument Near near,
      @Argument FilterInput filter,
      @Argument int first,
      @Argument String after) {
    String whole = null;
    String district = null;
    if (postcode != null && !postcode.isBlank()) {
      district = AreaDirectory.district(postcode);
      if (district == null) {
        throw new InvalidArgumentException("postcode: not a UK postcode or postcode district");
      }
      String compact = Keys.postcode(postcode);
      whole = compact.equals(district) ? null : compact;
    }
    if (text != null && text.length() > MAX_TEXT) {
      throw new InvalidArgumentException("text: at most " + MAX_TEXT + " characters");
    }
    List<String> words =
        text == null
            ? List.of()
            : Arrays.stream(Keys.addressText(text).split(" ")).filter(w -> !w.isEmpty()).toList();
    if (words.size() > MAX_WORDS) {
      throw new InvalidArgumentException("text: at most " + MAX_WORDS + " words");
    }
    if (near != null) {
      if (Math.abs(near.lat()) > 90 || Math.abs(near.lon()) > 180) {
        throw new InvalidArgumentException("near: latitude -90 to 90, longitude -180 to 180");
      }
      if (near.metres() < 1 || near.metres() > 50_000) {
        throw new InvalidArgumentException("near.metres: 1 to 50,000");
      }
    }
    if (whole == null && district == null && words.isEmpty() && near == null) {
      throw new InvalidArgumentException(
          "give a postcode, words of the name or address (text), or a point (near)");
    }
    EpisodeFilter area = filters.places(filter);
    return PlaceHitConnection.of(
        search.search(
            new PlaceSearch.Query(
                whole,
                whole == null ? district : null,
                words.isEmpty() ? null : words,
                near == null ? null : near.lat(),
                near == null ? null : near.lon(),
                near == null ? null : near.metres(),
                area.forceAreas(),
                area.authorities()),
            Connection.offset(after),
            first));
  }

  @QueryMapping
  List<LocalAuthority> localAuthorities() {
    return areas.authorities();
  }

  @BatchMapping(typeName = "PlaceHit", field = "place")
  List<Map<String, Object>> place(List<PlaceSearch.Hit> hits) {
    Map<String, Map<String, Object>> byId = new HashMap<>();
    intelligence
        .entities(hits.stream().map(PlaceSearch.Hit::placeId).distinct().toList())
        .forEach(e -> byId.put((String) e.get("id"), e));
    return hits.stream().map(h -> byId.get(h.placeId())).toList();
  }

  // A place, and each way an episode wrote one, carry the codes of their area.
  @SchemaMapping(typeName = "Place", field = "forceArea")
  Force forceArea(Map<String, Object> place) {
    return place.get("forceArea") instanceof String code ? forces.find(code).orElse(null) : null;
  }

  @SchemaMapping(typeName = "PlaceMention", field = "forceArea")
  Force mentionForceArea(Map<String, Object> mention) {
    return forceArea(mention);
  }

  @SchemaMapping(typeName = "Place", field = "localAuthority")
  LocalAuthority localAuthority(Map<String, Object> place) {
    return place.get("authority") instanceof String code ? areas.authority(code).orElse(null) : null;
  }

  @SchemaMapping(typeName = "PlaceMention", field = "localAuthority")
  LocalAuthority mentionLocalAuthority(Map<String, Object> mention) {
    return localAuthority(mention);
  }

  @SchemaMapping(typeName = "Place", field = "postcodeDistrict")
  String postcodeDistrict(Map<String, Object> place) {
    return (String) place.get("district");
  }

  @SchemaMapping(typeName = "PlaceMention", field = "postcodeDistrict")
  String mentionPostcodeDistrict(Map<String, Object> mention) {
    return postcodeDistrict(mention);
  }

  @BatchMapping(typeName = "Place", field = "spellings")
  List<List<PlaceSearch.Spelling>> spellings(List<Map<String, Object>> places) {
    List<String> ids = places.stream().map(p -> (String) p.get("id")).toList();
    Map<String, List<PlaceSearch.Spelling>> byId = search.spellings(ids);
    return ids.stream().map(id -> byId.getOrDefault(id, List.of())).toList();
  }

  @SchemaMapping(typeName = "PlaceSpelling", field = "forces")
  List<Force> spellingForces(PlaceSearch.Spelling spelling) {
    return spelling.forceCodes().stream().map(code -> forces.find(code).orElseThrow()).toList();
  }

  @SchemaMapping(typeName = "LocalAuthority", field = "forceArea")
  Force authorityForceArea(LocalAuthority authority) {
    return forces.find(authority.forceArea()).orElseThrow();
  }
}
