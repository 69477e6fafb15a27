package uk.police.missing.graph.schema.migrations;

import ac.simons.neo4j.migrations.core.JavaBasedMigration;
import ac.simons.neo4j.migrations.core.MigrationContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.police.missing.graph.area.Area;
import uk.police.missing.graph.area.AreaDirectory;
import uk.police.missing.graph.area.EpisodeAreas;
import uk.police.missing.graph.episode.EpisodeWrite.PlaceMention;
import uk.police.missing.graph.episode.EpisodeWrite.PlaceRecord;
import uk.police.missing.graph.identity.PlaceSummary;

/**
 * Gives a store written before ingest kept areas and filters the properties ingest now writes,
 * worked out by the same code from what the graph holds, so that the filters and the
 * places-of-concern ranking do not silently miss its data. Three steps, in this order, each in
 * pages of {@link #BATCH} nodes with a transaction of their own:
 *
 * <ol>
 *   <li>Each {@code PlaceRecord} gets what ingest sets when it creates one: {@code postcode} and
 *       {@code town} from its key, its area ({@code district}, {@code authority}, {@code
 *       forceArea}) from the way its mentions write it, and {@code sightingForces}, the forces
 *       whose last-seen, sighting and found mentions write it. Only what is missing is added, and
 *       forces are only ever added, as ingest does.
 *   <li>Each {@code Place} is recounted by {@link PlaceSummary}, which writes only what differs.
 *   <li>Each {@code MissingEpisode} without {@code forceAreas} (which {@link EpisodeAreas#describe}
 *       always sets) gets what {@code describe} works out from its own properties, its place
 *       mentions in the order ingest lists them, and its {@code CONCERNS} mention.
 * </ol>
 *
 * <p>A page that commits is done and is not redone: a rerun after a crash reads it again, finds
 * nothing missing and writes nothing, and carries on where the work stopped. On an empty store,
 * or one written by the current ingest, it reads everything and writes nothing.
 *
 * <p>What the store no longer holds cannot be recovered: ingest keeps among a place record's
 * sighting forces a force whose mention a later version took away; here the forces are those
 * whose mentions write it now (withdrawn episodes included, as in ingest), sorted as ingest sorts
 * them. A legacy record of V0008 (key {@code legacy|...}) was never
 * written by the current ingest and has no normalised town to take; it gets its postcode and area
 * from the writing most of its mentions give, and no {@code town}.
 */
final class V0013__Areas_and_filters_for_a_store_written_before_them implements JavaBasedMigration {

  /** Nodes per transaction. */
  static final int BATCH = 1000;

  private static final Logger log =
      LoggerFactory.getLogger(V0013__Areas_and_filters_for_a_store_written_before_them.class);

  // The mention types in the order ingest lists a record's places (EpisodeMapper): the order
  // of forceAreas, authorities and placeKinds follows it.
  private static final List<String> PLACE_TYPES =
      List.of("HOME_PLACE", "MISSING_FROM", "LAST_SEEN_AT", "FOUND_AT", "SIGHTED_AT");

  private static final String LEGACY = "legacy|";

  private static final String PLACE_RECORDS =
      """
      MATCH (r:PlaceRecord) WHERE r.key > $after
      WITH r ORDER BY r.key LIMIT $size
      // How the mentions write it, each way once with how many use it; only needed while
      // something is missing, so a store already filled in is not read mention by mention.
      CALL (r) {
        WITH r WHERE r.forceArea IS NULL OR r.postcode IS NULL
        MATCH (r)<-[m:HOME_PLACE|MISSING_FROM|LAST_SEEN_AT|SIGHTED_AT|FOUND_AT]-(:MissingEpisode)
        WITH m.postcode AS postcode, m.lat AS lat, m.lon AS lon, count(*) AS mentions
        RETURN collect({postcode: postcode, lat: lat, lon: lon, mentions: mentions}) AS writings
      }
      RETURN r.key AS key, r.postcode AS postcode, r.town AS town, r.forceArea AS forceArea,
             r.sightingForces AS sightingForces, writings,
             COLLECT {
               MATCH (r)<-[:LAST_SEEN_AT|SIGHTED_AT|FOUND_AT]-(e:MissingEpisode)
               RETURN DISTINCT e.force AS force ORDER BY force
             } AS writers
      ORDER BY key
      """;

  private static final String SET_PLACE_RECORDS =
      """
      UNWIND $rows AS row
      MATCH (r:PlaceRecord {key: row.key})
      SET r += row.properties
      """;

  private static final String PLACES =
      """
      MATCH (x:Place) WHERE x.id > $after
      WITH x ORDER BY x.id LIMIT $size
      RETURN x.id AS id
      """;

  private static final String EPISODES =
      """
      MATCH (e:MissingEpisode) WHERE e.key > $after
      WITH e ORDER BY e.key LIMIT $size
      WITH e, e.forceAreas IS NULL AS missing
      RETURN e.key AS key, missing,
             CASE WHEN missing THEN properties(e) END AS episode,
             CASE WHEN missing THEN COLLECT {
               MATCH (e)-[c:CONCERNS]->(:ChildRecord) RETURN properties(c) AS child
             } ELSE [] END AS child,
             CASE WHEN missing THEN COLLECT {
               MATCH (e)-[m:HOME_PLACE|MISSING_FROM|LAST_SEEN_AT|SIGHTED_AT|FOUND_AT]->(r:PlaceRecord)
               RETURN {type: type(m), key: r.key, properties: properties(m)} AS place
             } ELSE [] END AS places
      """;

  private static final String SET_EPISODES =
      """
      UNWIND $rows AS row
      // Only the version read: an older service still ingesting while this runs may have
      // replaced it since, and then what was worked out describes a version that is gone.
      MATCH (e:MissingEpisode {key: row.key})
      WHERE e.forceAreas IS NULL AND coalesce(e.recordVersion, -1) = coalesce(row.recordVersion, -1)
      SET e += row.properties
      """;

  private final int batchSize;

  /** As neo4j-migrations makes it. */
  V0013__Areas_and_filters_for_a_store_written_before_them() {
    this(BATCH);
  }

  /** With smaller pages, so that tests go through more than one. */
  V0013__Areas_and_filters_for_a_store_written_before_them(int batchSize) {
    this.batchSize = batchSize;
  }

  @Override
  public void apply(MigrationContext context) {
    run(context.getDriver(), context.getSessionConfig());
  }

  void run(Driver driver, SessionConfig sessionConfig) {
    AreaDirectory areas = AreaDirectory.national();
    try (Session session = driver.session(sessionConfig)) {
      pages(session, "place records", (tx, after) -> placeRecords(tx, after, areas));
      pages(session, "places", this::places);
      pages(session, "episodes", (tx, after) -> episodes(tx, after, areas));
    }
  }

  // A page reads the next nodes by key, in key order, and says where the next page starts;
  // the key indexes make each page a seek, however far into a national store it is.
  private record Page(String last, int read, int written) {}

  private static final int UNKNOWN = -1;

  // On a national store a step takes long enough that whoever started the service wants to see
  // it move; counts only, nothing read from a node.
  private void pages(Session session, String step, BiFunction<TransactionContext, String, Page> page) {
    long started = System.nanoTime();
    long read = 0;
    long written = 0;
    int pages = 0;
    String after = "";
    while (after != null) {
      String from = after;
      Page done = session.executeWrite(tx -> page.apply(tx, from));
      read += done.read();
      written = written == UNKNOWN || done.written() == UNKNOWN ? UNKNOWN : written + done.written();
      after = done.last();
      if (++pages % 100 == 0) {
        log.info("V0013 {}: {} read{} so far", step, read, filledIn(written));
      }
    }
    log.info(
        "V0013 {}: {} read{}, {} s", step, read, filledIn(written), (System.nanoTime() - started) / 1_000_000_000);
  }

  private static String filledIn(long written) {
    return written < 0 ? "" : ", " + written + " filled in";
  }

  private Map<String, Object> pageParameters(String after) {
    return Map.of("after", after, "size", batchSize);
  }

  // What a page ends with: the last key read, or null when there is nothing after it.
  private String last(List<Record> page, String column) {
    return page.size() < batchSize ? null : page.get(page.size() - 1).get(column).asString();
  }

  private Page placeRecords(TransactionContext tx, String after, AreaDirectory areas) {
    List<Record> page = tx.run(PLACE_RECORDS, pageParameters(after)).list();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Record r : page) {
      String key = r.get("key").asString();
      Map<String, Object> missing = new LinkedHashMap<>();
      Writing writing = mostUsed(r.get("writings"), areas);
      String postcode = key.startsWith(LEGACY) ? writing.postcode() : postcodeOf(key);
      if (r.get("postcode").isNull() && postcode != null) {
        missing.put("postcode", postcode);
      }
      String town = townOf(key);
      if (r.get("town").isNull() && town != null) {
        missing.put("town", town);
      }
      if (r.get("forceArea").isNull() && writing.area() != null) {
        missing.put("district", writing.area().postcodeDistrict());
        missing.put("authority", writing.area().authorityCode());
        missing.put("forceArea", writing.area().forceArea());
      }
      // Grow only, like ingest: a force already listed stays, in its place.
      List<String> forces =
          new ArrayList<>(r.get("sightingForces").isNull() ? List.of() : r.get("sightingForces").asList(Value::asString));
      int before = forces.size();
      r.get("writers").asList(Value::asString).stream().filter(f -> !forces.contains(f)).forEach(forces::add);
      if (forces.size() > before) {
        missing.put("sightingForces", forces);
      }
      if (!missing.isEmpty()) {
        rows.add(Map.of("key", key, "properties", missing));
      }
    }
    if (!rows.isEmpty()) {
      tx.run(SET_PLACE_RECORDS, Map.of("rows", rows)).consume();
    }
    return new Page(last(page, "key"), page.size(), rows.size());
  }

  private Page places(TransactionContext tx, String after) {
    List<Record> page = tx.run(PLACES, pageParameters(after)).list();
    PlaceSummary.recountById(tx, page.stream().map(r -> r.get("id").asString()).toList());
    // The recount writes only the places whose summary differs, and does not say which.
    return new Page(last(page, "id"), page.size(), UNKNOWN);
  }

  private Page episodes(TransactionContext tx, String after, AreaDirectory areas) {
    List<Record> page = tx.run(EPISODES, pageParameters(after)).list();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Record r : page) {
      if (!r.get("missing").asBoolean()) {
        continue;
      }
      Map<String, Object> stored = r.get("episode").asMap();
      Map<String, Object> described = new HashMap<>(stored);
      List<Value> child = r.get("child").asList(v -> v);
      EpisodeAreas.describe(
          described,
          placeMentions(r.get("places"), areas),
          child.isEmpty() ? Map.of() : child.get(0).asMap(),
          areas);
      Map<String, Object> added = new LinkedHashMap<>();
      described.forEach(
          (name, value) -> {
            if (!Objects.equals(stored.get(name), value)) {
              added.put(name, value);
            }
          });
      Map<String, Object> row = new HashMap<>();
      row.put("key", r.get("key").asString());
      row.put("recordVersion", stored.get("recordVersion"));
      row.put("properties", added);
      rows.add(row);
    }
    if (!rows.isEmpty()) {
      tx.run(SET_EPISODES, Map.of("rows", rows)).consume();
    }
    return new Page(last(page, "key"), page.size(), rows.size());
  }

  // The episode's place mentions as ingest hands them to describe: in ingest's order, each
  // placed as ingest places it, by the postcode and position the mention writes.
  private static List<PlaceMention> placeMentions(Value places, AreaDirectory areas) {
    List<PlaceMention> mentions = new ArrayList<>();
    for (Value p : places.values()) {
      Map<String, Object> props = p.get("properties").asMap();
      Area area =
          EpisodeAreas.of(
              areas, (String) props.get("postcode"), degrees(props.get("lat")), degrees(props.get("lon")));
      PlaceRecord record =
          new PlaceRecord(p.get("key").asString(), List.of(), null, null, null, null, null, null, area);
      mentions.add(new PlaceMention(p.get("type").asString(), record, props));
    }
    mentions.sort(
        Comparator.comparingInt((PlaceMention m) -> PLACE_TYPES.indexOf(m.type()))
            .thenComparingLong(m -> m.properties().get("ordinal") instanceof Number n ? n.longValue() : 0));
    return mentions;
  }

  private static Double degrees(Object value) {
    return value instanceof Number n ? n.doubleValue() : null;
  }

  /** A way of writing a place: its postcode (normalised) and the area ingest gives it. */
  private record Writing(String postcode, Area area) {}

  // Every mention of a record written by ingest gives the same postcode and, but for positions
  // within a metre of a boundary, the same area: the record is shared only by mentions written
  // alike. A legacy record can be written in several ways; it takes the one most mentions use.
  private static Writing mostUsed(Value writings, AreaDirectory areas) {
    Map<Writing, Long> uses = new HashMap<>();
    for (Value w : writings.values()) {
      String postcode = w.get("postcode").isNull() ? null : w.get("postcode").asString();
      Double lat = w.get("lat").isNull() ? null : w.get("lat").asDouble();
      Double lon = w.get("lon").isNull() ? null : w.get("lon").asDouble();
      uses.merge(
          new Writing(normalisedPostcode(postcode), EpisodeAreas.of(areas, postcode, lat, lon)),
          w.get("mentions").asLong(),
          Long::sum);
    }
    Comparator<String> text = Comparator.nullsLast(Comparator.naturalOrder());
    return uses.entrySet().stream()
        .min(
            Comparator.comparing((Map.Entry<Writing, Long> e) -> -e.getValue())
                .thenComparing(e -> e.getKey().postcode(), text)
                .thenComparing(e -> e.getKey().area() == null ? null : e.getKey().area().postcodeDistrict(), text))
        .map(Map.Entry::getKey)
        .orElse(new Writing(null, null));
  }

  // As ingest's Keys.postcode writes a postcode into a place record's key; only legacy records,
  // whose key holds none, need it.
  private static String normalisedPostcode(String written) {
    if (written == null) {
      return null;
    }
    String compact = written.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    return compact.isEmpty() ? null : compact;
  }

  // A place record's key is uprn|postcode|line|name|town|lat,lon. Only the postcode, as written,
  // can hold a '|' (the UPRN is digits, the texts are normalised to letters, digits and spaces),
  // so the fields after it are counted from the end.
  private static String[] fields(String key) {
    String[] split = key.split("\\|", -1);
    if (key.startsWith(LEGACY) || split.length < 6) {
      return null;
    }
    String postcode = String.join("|", List.of(split).subList(1, split.length - 4));
    return new String[] {split[0], postcode, split[split.length - 4], split[split.length - 3],
        split[split.length - 2], split[split.length - 1]};
  }

  static String postcodeOf(String key) {
    String[] f = fields(key);
    return f == null || f[1].isEmpty() ? null : f[1];
  }

  static String townOf(String key) {
    String[] f = fields(key);
    return f == null || f[4].isEmpty() ? null : f[4];
  }
}
