package uk.police.missing.graph.episode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    List<Mention> places,
    List<Mention> phones,
    List<Mention> vehicles) {

  /**
   * A link from the episode to something it names.
   *
   * @param type the relationship type (for places: MISSING_FROM, LAST_SEEN_AT, SIGHTED_AT,
   *     FOUND_AT, HOME_PLACE)
   * @param key the normalised key of the target (force|personRef for records)
   * @param properties what the record said, stored on the relationship
   */
  public record Mention(String type, String key, Map<String, Object> properties) {}

  public static String episodeKey(String force, String episodeRef) {
    return force + "|" + episodeRef;
  }

  public static String recordKey(String force, String personRef) {
    return force + "|" + personRef;
  }

  String key() {
    return episodeKey(force, episodeRef);
  }

  Map<String, Object> toRow(int index) {
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
}
