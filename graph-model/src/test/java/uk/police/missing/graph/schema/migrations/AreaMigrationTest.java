package uk.police.missing.graph.schema.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import uk.police.missing.graph.area.AreaDirectory;
import uk.police.missing.graph.area.EpisodeAreas;
import uk.police.missing.graph.episode.EpisodeWrite;
import uk.police.missing.graph.episode.EpisodeWrite.Mention;
import uk.police.missing.graph.episode.EpisodeWrite.PlaceMention;
import uk.police.missing.graph.episode.EpisodeWrite.PlaceRecord;
import uk.police.missing.graph.episode.EpisodeWriter;
import uk.police.missing.graph.testing.GraphDump;
import uk.police.missing.graph.testing.TestNeo4j;

/**
 * V0013 gives a store written before areas and filters what the current ingest would have
 * written. Episodes are written through {@link EpisodeWriter} as ingest writes them, the new
 * properties are taken away to make the store an old one, and the migration must bring back the
 * same graph. All names, places and references are invented.
 */
class AreaMigrationTest {

  private static final AreaDirectory AREAS = AreaDirectory.national();

  // What a store written before areas and filters lacks: the properties the current ingest adds.
  private static final String MAKE_IT_OLD =
      """
      CALL () {
        MATCH (r:PlaceRecord)
        REMOVE r.postcode, r.town, r.district, r.authority, r.forceArea, r.sightingForces
      }
      CALL () {
        MATCH (x:Place)
        REMOVE x.sightingForces, x.forceArea, x.authority, x.district
      }
      CALL () {
        MATCH (e:MissingEpisode)
        REMOVE e.missingFromArea, e.missingFromAuthority, e.lastSeenArea, e.lastSeenAuthority,
               e.foundArea, e.foundAuthority, e.forceAreas, e.authorities, e.sightingAreas,
               e.sightingAuthorities, e.placeKinds, e.careStatus, e.concerns,
               e.responsibleAuthorityCode, e.placementAuthority, e.placedOutOfArea
      }
      """;

  private final EpisodeWriter writer = new EpisodeWriter(TestNeo4j.driver(), null);

  @BeforeEach
  void emptyGraph() {
    TestNeo4j.deleteEpisodeData();
  }

  @Test
  void aStoreWrittenBeforeAreasGetsWhatIngestWouldHaveWritten() {
    writeEpisodes();
    String asIngestWroteIt = GraphDump.of(TestNeo4j.driver());
    assertThat(asIngestWroteIt)
        .as("the fixture exercises what the migration must rebuild")
        .contains("placedOutOfArea=true", "forceAreas=[WMP, GMP, WYO]", "sightingForces=[GMP, WMP]",
            "town=BIRMINGHAM", "authority=E08000025");

    run(MAKE_IT_OLD);
    assertThat(GraphDump.of(TestNeo4j.driver()))
        .doesNotContain("forceAreas", "sightingForces", "town=BIRMINGHAM", "forceArea=");

    migrate(2);

    assertThat(GraphDump.of(TestNeo4j.driver())).isEqualTo(asIngestWroteIt);
  }

  @Test
  void aWithdrawnEpisodeGetsItsAreasAsIngestGaveThem() {
    writeEpisodes();
    var asIngestWroteIt = episode("GMP|GMP-T-0002");
    assertThat(asIngestWroteIt.get("withdrawn")).isEqualTo(true);
    assertThat(asIngestWroteIt.get("sightingAreas")).isEqualTo(List.of("SWA"));

    run(MAKE_IT_OLD);
    migrate(2);

    assertThat(episode("GMP|GMP-T-0002")).isEqualTo(asIngestWroteIt);
    assertThat(
            TestNeo4j.driver()
                .executableQuery("MATCH (r:PlaceRecord {forceArea: 'SWA'}) RETURN r.sightingForces AS forces")
                .execute().records().get(0).get("forces").asList(Value::asString))
        .as("a withdrawn episode's sighting still counts its force, as in ingest")
        .containsExactly("GMP");
  }

  @Test
  void runningItTwiceChangesNothing() {
    writeEpisodes();
    run(MAKE_IT_OLD);
    migrate(2);
    String once = GraphDump.of(TestNeo4j.driver());

    migrate(2);

    assertThat(GraphDump.of(TestNeo4j.driver())).isEqualTo(once);
  }

  @Test
  void aStoreWrittenByTheCurrentIngestIsLeftAsItIs() {
    writeEpisodes();
    String asIngestWroteIt = GraphDump.of(TestNeo4j.driver());

    migrate(V0013__Areas_and_filters_for_a_store_written_before_them.BATCH);

    assertThat(GraphDump.of(TestNeo4j.driver())).isEqualTo(asIngestWroteIt);
  }

  @Test
  void aRerunAfterStoppingHalfWayCompletesTheWork() {
    writeEpisodes();
    String asIngestWroteIt = GraphDump.of(TestNeo4j.driver());
    run(MAKE_IT_OLD);
    migrate(2);
    // Pages commit one by one: a stop half-way leaves some nodes done and others not.
    run(
        """
        CALL () {
          MATCH (e:MissingEpisode) WHERE e.key STARTS WITH 'WMP'
          REMOVE e.forceAreas, e.authorities, e.sightingAreas, e.sightingAuthorities, e.placeKinds,
                 e.concerns, e.foundArea, e.foundAuthority, e.careStatus
        }
        CALL () {
          MATCH (r:PlaceRecord) WHERE r.forceArea = 'WMP'
          REMOVE r.postcode, r.town, r.district, r.authority, r.forceArea, r.sightingForces
        }
        """);

    migrate(2);

    assertThat(GraphDump.of(TestNeo4j.driver())).isEqualTo(asIngestWroteIt);
  }

  @Test
  void anEmptyStoreIsUntouched() {
    String empty = GraphDump.of(TestNeo4j.driver());

    migrate(2);

    assertThat(GraphDump.of(TestNeo4j.driver())).isEqualTo(empty);
  }

  @Test
  void aLegacyPlaceRecordGetsItsAreaFromHowMostMentionsWriteItAndNoTown() {
    run(
        """
        CREATE (p:Place {id: 'legacy-place', sightings: 3})
        CREATE (r:PlaceRecord {key: 'legacy|addr:B12JP|2 WHARF ROAD',
                               writtenKeys: ['place:addr:B12JP|2 WHARF ROAD'],
                               identityKeys: ['place:addr:B12JP|2 WHARF ROAD']})-[:RECORD_OF]->(p)
        CREATE (:MissingEpisode {key: 'WMP|WMP-T-0101', force: 'WMP', withdrawn: false, missingFromKind: 'HOME'})
                 -[:FOUND_AT {postcode: 'b1 2jp', addressLines: ['2 Wharf Rd'], kind: 'HOTEL'}]->(r)
        CREATE (:MissingEpisode {key: 'GMP|GMP-T-0101', force: 'GMP', withdrawn: false, missingFromKind: 'HOME'})
                 -[:SIGHTED_AT {ordinal: 0, postcode: 'B1 2JP', addressLines: ['2 Wharf Road']}]->(r)
        CREATE (:MissingEpisode {key: 'GMP|GMP-T-0102', force: 'GMP', withdrawn: false, missingFromKind: 'HOME'})
                 -[:LAST_SEEN_AT {postcode: 'M1 1AA', addressLines: ['2 Wharf Road']}]->(r)
        """);

    migrate(2);

    var record =
        TestNeo4j.driver()
            .executableQuery(
                """
                MATCH (r:PlaceRecord)-[:RECORD_OF]->(p:Place {id: 'legacy-place'})
                RETURN properties(r) AS record, properties(p) AS place
                """)
            .execute().records().get(0);
    assertThat(record.get("record").asMap())
        .containsEntry("postcode", "B12JP")
        .containsEntry("district", "B1")
        .containsEntry("authority", "E08000025")
        .containsEntry("forceArea", "WMP")
        .containsEntry("sightingForces", List.of("GMP", "WMP"))
        .doesNotContainKey("town");
    assertThat(record.get("place").asMap())
        .containsEntry("forceArea", "WMP")
        .containsEntry("sightingForces", 2L)
        .containsEntry("sightings", 3L);
    assertThat(episode("WMP|WMP-T-0101"))
        .containsEntry("foundArea", "WMP")
        .containsEntry("forceAreas", List.of("WMP"))
        .containsEntry("placeKinds", List.of("HOTEL"));
    assertThat(episode("GMP|GMP-T-0102")).containsEntry("lastSeenArea", "GMP");
  }

  @Test
  void neo4jMigrationsFindsItAfterV0012() {
    var applied =
        TestNeo4j.driver()
            .executableQuery(
                """
                MATCH (m:__Neo4jMigration) WHERE m.version IN ['0012', '0013']
                RETURN m.version AS version, m.type AS type, m.description AS description
                ORDER BY version
                """)
            .execute().records();
    assertThat(applied)
        .extracting(r -> r.get("version").asString() + " " + r.get("type").asString() + " " + r.get("description").asString())
        .containsExactly(
            "0012 CYPHER Index areas and filters",
            "0013 JAVA Areas and filters for a store written before them");
  }

  @Test
  void theTownAndPostcodeAreReadFromTheKeyFromBothEnds() {
    assertThat(V0013__Areas_and_filters_for_a_store_written_before_them.townOf("1|B1|2JP|2 WHARF ROAD||BIRMINGHAM|"))
        .isEqualTo("BIRMINGHAM");
    assertThat(V0013__Areas_and_filters_for_a_store_written_before_them.postcodeOf("1|B1|2JP|2 WHARF ROAD||BIRMINGHAM|"))
        .as("a postcode written with a bar keeps it, as ingest stores it")
        .isEqualTo("B1|2JP");
    assertThat(V0013__Areas_and_filters_for_a_store_written_before_them.townOf("||||| 52.47910,-1.91020")).isNull();
    assertThat(V0013__Areas_and_filters_for_a_store_written_before_them.townOf("legacy|name:CANAL VIEW|BIRMINGHAM"))
        .isNull();
  }

  // --- the fixture: invented episodes of two forces, written as ingest writes them ---

  private void writeEpisodes() {
    // Forces write the shared hotel in alphabetical order: ingest lists a record's sighting
    // forces in the order they first wrote it, which the store does not keep, and the migration
    // lists them alphabetically.
    var hotel = place("FOUND_AT", "200000777", "B1 2JP", "2 WHARF ROAD", "CANAL VIEW HOTEL", "Birmingham", 52.47910, -1.91020, "HOTEL");
    writer.write(
        List.of(
            episode(
                "GMP", "GMP-T-0001", 1, false, "FOSTER_PLACEMENT", List.of("ALCOHOL", "CSE"),
                child("GMP-C-0001", "LOOKED_AFTER", "Manchester City Council", List.of("CSE", "GANGS")),
                List.of(
                    place("HOME_PLACE", null, "M1 1AA", "1 TEST STREET", null, "Manchester", null, null, "HOME_ADDRESS"),
                    place("MISSING_FROM", null, "B5 4TT", "7 EXAMPLE ROAD", null, "Birmingham", null, null, "CARE_PLACEMENT"),
                    place("LAST_SEEN_AT", null, null, null, null, null, 53.48080, -2.24260, "TRANSPORT_HUB"),
                    hotel,
                    sighting(0, place("SIGHTED_AT", null, "LS1 4DY", null, "THE ARCHES", "Leeds", null, null, "OTHER")),
                    sighting(1, place("SIGHTED_AT", null, "ZZ9 9ZZ", null, "NOWHERE CAFE", null, null, null, "SHOP_OR_FOOD")))),
            episode(
                "GMP", "GMP-T-0002", 1, false, "HOME", List.of(),
                child("GMP-C-0002", "NOT_IN_CARE", null, List.of()),
                List.of(sighting(0, place("SIGHTED_AT", null, "CF10 1EP", null, "CENTRAL STATION", "Cardiff", null, null, "TRANSPORT_HUB")))),
            episode(
                "GMP", "GMP-T-0003", 1, false, "HOME", List.of(),
                child("GMP-C-0003", "CHILD_IN_NEED", "E08000003", List.of()),
                List.of(place("FOUND_AT", null, "EH1 1BB", null, "WAVERLEY", "Edinburgh", 55.95200, -3.18900, "TRANSPORT_HUB")))));
    writer.write(
        List.of(
            // The same episode withdrawn: it keeps its places, and its areas.
            episode(
                "GMP", "GMP-T-0002", 2, true, "HOME", List.of(),
                child("GMP-C-0002", "NOT_IN_CARE", null, List.of()),
                List.of(sighting(0, place("SIGHTED_AT", null, "CF10 1EP", null, "CENTRAL STATION", "Cardiff", null, null, "TRANSPORT_HUB")))),
            episode(
                "WMP", "WMP-T-0001", 1, false, "CHILDRENS_HOME", List.of("MISSING_BEFORE"),
                child("WMP-C-0001", "LOOKED_AFTER", "Birmingham", List.of()),
                List.of(
                    place("MISSING_FROM", null, "B5 4TT", "9 SAMPLE LANE", null, "Birmingham", null, null, "CARE_PLACEMENT"),
                    hotel,
                    // Another way of writing the hotel: the same place, through its address key.
                    place("LAST_SEEN_AT", null, "b12jp", "2 WHARF ROAD", null, null, null, null, null)))));
  }

  private static EpisodeWrite episode(
      String force, String ref, long version, boolean withdrawn, String missingFromKind,
      List<String> riskFactors, Mention child, List<PlaceMention> places) {
    Map<String, Object> episode = new HashMap<>();
    episode.put("withdrawn", withdrawn);
    episode.put("reportedAt", OffsetDateTime.parse("2026-03-0" + version + "T10:00:00Z"));
    episode.put("status", "MISSING");
    episode.put("missingFromKind", missingFromKind);
    episode.put("riskLevel", "MEDIUM");
    episode.put("riskAssessedAt", OffsetDateTime.parse("2026-03-01T10:05:00Z"));
    if (!riskFactors.isEmpty()) {
      episode.put("riskFactors", riskFactors);
    }
    episode.put("sightingCount", (int) places.stream().filter(p -> p.type().equals("SIGHTED_AT")).count());
    // What EpisodeMapper does once the record's places are known.
    EpisodeAreas.describe(episode, places, child.properties(), AREAS);
    return new EpisodeWrite(
        force, ref, version, "{\"ref\":\"" + ref + "\",\"v\":" + version + "}", "sha-" + ref + "-" + version,
        episode, child, List.of(), List.of(), places, List.of(), List.of());
  }

  private static Mention child(String ref, String careStatus, String responsibleAuthority, List<String> flags) {
    Map<String, Object> child = new HashMap<>();
    child.put("personRef", ref);
    child.put("givenName", "Testchild");
    child.put("familyName", ref.replace("-", ""));
    child.put("dateOfBirth", LocalDate.parse("2011-05-0" + (ref.charAt(ref.length() - 1) - '0')));
    child.put("careStatus", careStatus);
    if (responsibleAuthority != null) {
      child.put("responsibleAuthority", responsibleAuthority);
    }
    if (!flags.isEmpty()) {
      child.put("flags", flags);
    }
    child.put("identityKeys", List.of());
    child.put("matchKeys", List.of());
    child.put("searchNames", List.of("testchild"));
    return new Mention("CONCERNS", ref.substring(0, 3) + "|" + ref, child);
  }

  private static PlaceMention sighting(int ordinal, PlaceMention place) {
    Map<String, Object> props = new HashMap<>(place.properties());
    props.put("ordinal", ordinal);
    props.put("at", OffsetDateTime.parse("2026-03-01T12:00:00Z"));
    return new PlaceMention(place.type(), place.place(), props);
  }

  // A place as ingest's Keys.place and EpisodeMapper make it, for texts already written in their
  // normalised form (upper case, words written out): the key, the identity keys and the area.
  private static PlaceMention place(
      String type, String uprn, String postcode, String line, String name, String town, Double lat,
      Double lon, String kind) {
    String code = postcode == null ? "" : postcode.replace(" ", "").toUpperCase(Locale.ROOT);
    String townKey = town == null ? "" : town.toUpperCase(Locale.ROOT);
    String geo = lat == null ? "" : String.format(Locale.ROOT, "%.5f,%.5f", lat, lon);
    var keys = new TreeSet<String>();
    if (uprn != null) {
      keys.add("place:uprn:" + uprn);
    }
    for (String text : new String[] {line, name}) {
      if (!code.isEmpty() && text != null) {
        keys.add("place:addr:" + code + "|" + text);
      }
    }
    if (keys.isEmpty()) {
      keys.add(!geo.isEmpty() ? "place:geo:" + geo : !code.isEmpty() ? "place:postcode:" + code : "place:name:" + name + "|" + townKey);
    }
    String key = String.join("|", uprn == null ? "" : uprn, code, line == null ? "" : line, name == null ? "" : name, townKey, geo);
    var record =
        new PlaceRecord(key, List.copyOf(keys), name, line, lat, lon, code.isEmpty() ? null : code, townKey.isEmpty() ? null : townKey, null)
            .in(EpisodeAreas.of(AREAS, postcode, lat, lon));
    Map<String, Object> props = new HashMap<>();
    putIfPresent(props, "uprn", uprn);
    putIfPresent(props, "postcode", postcode);
    putIfPresent(props, "name", name);
    putIfPresent(props, "town", town);
    if (line != null) {
      props.put("addressLines", List.of(line));
    }
    putIfPresent(props, "lat", lat);
    putIfPresent(props, "lon", lon);
    putIfPresent(props, "kind", kind);
    return new PlaceMention(type, record, props);
  }

  private static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  // --- helpers ---

  private static void migrate(int batchSize) {
    new V0013__Areas_and_filters_for_a_store_written_before_them(batchSize)
        .run(TestNeo4j.driver(), SessionConfig.defaultConfig());
  }

  private static void run(String cypher) {
    TestNeo4j.driver().executableQuery(cypher).execute();
  }

  private static Map<String, Object> episode(String key) {
    return new HashMap<>(
        TestNeo4j.driver()
            .executableQuery("MATCH (e:MissingEpisode {key: $key}) RETURN properties(e) AS e")
            .withParameters(Map.of("key", key))
            .execute().records().get(0).get("e").asMap());
  }
}
