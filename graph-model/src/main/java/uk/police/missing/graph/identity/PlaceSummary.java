package uk.police.missing.graph.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.TransactionContext;

/**
 * Keeps what each place's rankings and filters start from, on the {@code Place} itself: its
 * {@code sightings} (how many times episodes say a child was last seen, sighted or found there,
 * through any way of writing it, withdrawn episodes included), {@code sightingForces} (how many
 * forces ever said so) and its area ({@code forceArea}, {@code authority}, {@code district}: those
 * most of its ways of writing give). The first two are upper bounds on the children and forces a
 * place can count for, so the places-of-concern ranking reads only the places that can reach
 * what was asked, through an index, instead of adding up every place in the country.
 *
 * <p>Everything is recomputed from the place's records (their degrees and what each record holds,
 * never by visiting the episodes, so a hotspot costs no more than a quiet place) whenever a record
 * gains or loses mentions or moves between places.
 */
public final class PlaceSummary {

  private static final String RECOUNT =
      """
      CALL () {
        UNWIND $records AS id
        MATCH (r:PlaceRecord)-[:RECORD_OF]->(x:Place) WHERE elementId(r) = id
        RETURN x
        UNION
        UNWIND $elementIds AS id
        MATCH (x:Place) WHERE elementId(x) = id
        RETURN x
        UNION
        UNWIND $ids AS id
        MATCH (x:Place {id: id})
        RETURN x
      }
      WITH DISTINCT x
      CALL (x) {
        MATCH (x)<-[:RECORD_OF]-(r:PlaceRecord)
        RETURN sum(COUNT { (r)<-[:LAST_SEEN_AT|SIGHTED_AT|FOUND_AT]-() }) AS sightings
      }
      CALL (x) {
        MATCH (x)<-[:RECORD_OF]-(r:PlaceRecord)
        UNWIND coalesce(r.sightingForces, []) AS force
        RETURN count(DISTINCT force) AS forces
      }
      CALL (x) {
        OPTIONAL MATCH (x)<-[:RECORD_OF]-(r:PlaceRecord) WHERE r.forceArea IS NOT NULL
        WITH r.forceArea AS forceArea, r.authority AS authority, r.district AS district, count(r) AS records
        ORDER BY records DESC, forceArea, authority, district
        LIMIT 1
        RETURN forceArea, authority, district
      }
      WITH x, sightings, forces, forceArea, authority, district
      WHERE x.sightings IS NULL OR x.sightings <> sightings OR x.sightingForces IS NULL
         OR x.sightingForces <> forces OR coalesce(x.forceArea, '') <> coalesce(forceArea, '')
         OR coalesce(x.authority, '') <> coalesce(authority, '')
         OR coalesce(x.district, '') <> coalesce(district, '')
      SET x.sightings = sightings, x.sightingForces = forces, x.forceArea = forceArea,
          x.authority = authority, x.district = district
      """;

  private PlaceSummary() {}

  /**
   * Recounts the places of the given place records and the given places, both by element id;
   * other nodes are ignored.
   */
  public static void recount(
      TransactionContext tx, Collection<String> records, Collection<String> places) {
    run(tx, records, places, List.of());
  }

  /** Recounts the places with these ids; ids of other entities are ignored. */
  public static void recountById(TransactionContext tx, Collection<String> ids) {
    run(tx, List.of(), List.of(), ids);
  }

  private static void run(
      TransactionContext tx,
      Collection<String> records,
      Collection<String> elementIds,
      Collection<String> ids) {
    tx.run(
            RECOUNT,
            Map.of(
                "records", List.copyOf(records),
                "elementIds", List.copyOf(elementIds),
                "ids", List.copyOf(ids)))
        .consume();
  }
}
