package uk.police.missing.graph.episode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.police.missing.graph.area.Area;

/**
 * One validated episode record, reduced to what the graph stores. Keys are already normalised by
 * the caller; property maps hold only values the driver can store (strings, numbers, booleans,
 * temporal values, lists of those).
 *
 * @param payload the record exactly as received, kept in the receipt history
 * @param sha256 hex digest of {@code payload}
 * @param episode properties of the {@code MissingEpisode} node (besides key, force, episodeRef
 *     and recordVersion)
 */
public record EpisodeWrite(
    String force,
    String episodeRef,
    long recordVersion,
    String payload,
    String sha256,
    Map<String, Object> episode,
    Mention child,
    List<Mention> people,
    List<Mention> with,
    List<PlaceMention> places,
    List<Mention> phones,
    List<Mention> vehicles) {

  /**
   * A link from the episode to something it names.
   *
   * @param type the relationship type
   * @param key the normalised key of the target (force|personRef for records)
   * @param properties what the record said, stored on the relationship
   */
  public record Mention(String type, String key, Map<String, Object> properties) {}

  /**
   * A link from the episode to a place, through the record of the place as written.
   *
   * @param type MISSING_FROM, LAST_SEEN_AT, SIGHTED_AT, FOUND_AT or HOME_PLACE
   * @param place the place as written, normalised
   * @param properties what the record said, stored on the relationship
   */
  public record PlaceMention(String type, PlaceRecord place, Map<String, Object> properties) {}

  /**
   * One way of writing a place, normalised by the caller; every mention written alike shares it.
   *
   * @param key the same for every mention written alike
   * @param identityKeys keys it shares with other ways of writing the same place
   * @param name the normalised name, or null
   * @param line the normalised first address line, or null
   * @param lat latitude in degrees, to about a metre, or null
   * @param lon longitude in degrees, to about a metre, or null
   * @param postcode the postcode without spaces, upper case, or null
   * @param town the normalised town, or null
   * @param area where the place is (from its postcode, else its position), or null if unknown
   */
  public record PlaceRecord(
      String key,
      List<String> identityKeys,
      String name,
      String line,
      Double lat,
      Double lon,
      String postcode,
      String town,
      Area area) {

    /** The same record, placed in {@code area}. */
    public PlaceRecord in(Area area) {
      return new PlaceRecord(key, identityKeys, name, line, lat, lon, postcode, town, area);
    }
  }

  public static String episodeKey(String force, String episodeRef) {
    return force + "|" + episodeRef;
  }

  public static String recordKey(String force, String personRef) {
    return force + "|" + personRef;
  }

  String key() {
    return episodeKey(force, episodeRef);
  }

  // What the upsert needs of the record, and no more: each statement's parameters cross Bolt,
  // so the mentions are not sent to the upsert, nor the payload to the mention replacement.
  Map<String, Object> upsertRow(int index) {
    Map<String, Object> node = new LinkedHashMap<>(episode);
    node.put("key", key());
    node.put("force", force);
    node.put("episodeRef", episodeRef);
    node.put("recordVersion", recordVersion);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("index", index);
    row.put("key", key());
    row.put("versionKey", key() + "|" + recordVersion);
    row.put("force", force);
    row.put("episodeRef", episodeRef);
    row.put("recordVersion", recordVersion);
    row.put("payload", payload);
    row.put("sha256", sha256);
    row.put("episode", node);
    return row;
  }

  Map<String, Object> mentionsRow() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("key", key());
    row.put("force", force);
    row.put("child", mention(child));
    row.put("people", people.stream().map(EpisodeWrite::mention).toList());
    row.put("with", with.stream().map(EpisodeWrite::mention).toList());
    row.put("places", places.stream().map(EpisodeWrite::mention).toList());
    row.put("phones", phones.stream().map(EpisodeWrite::mention).toList());
    row.put("vehicles", vehicles.stream().map(EpisodeWrite::mention).toList());
    return row;
  }

  private static Map<String, Object> mention(Mention m) {
    return Map.of("type", m.type(), "key", m.key(), "props", m.properties());
  }

  private static Map<String, Object> mention(PlaceMention m) {
    PlaceRecord p = m.place();
    Map<String, Object> place = new LinkedHashMap<>();
    place.put("key", p.key());
    place.put("identityKeys", p.identityKeys());
    place.put("name", p.name());
    place.put("line", p.line());
    place.put("lat", p.lat());
    place.put("lon", p.lon());
    place.put("postcode", p.postcode());
    place.put("town", p.town());
    place.put("district", p.area() == null ? null : p.area().postcodeDistrict());
    place.put("authority", p.area() == null ? null : p.area().authorityCode());
    place.put("forceArea", p.area() == null ? null : p.area().forceArea());
    return Map.of("type", m.type(), "place", place, "props", m.properties());
  }
}
