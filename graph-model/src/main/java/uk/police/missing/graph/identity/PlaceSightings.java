package uk.police.missing.graph.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.TransactionContext;

/**
 * Keeps each place's {@code sightings}: how many times episodes say a child was last seen,
 * sighted or found there, through any way of writing it, withdrawn episodes included. It is an
 * upper bound on the children a place can count for, so the places-of-concern ranking reads only
 * the places whose count reaches the children asked for, through an index, instead of adding up
 * every place in the country.
 *
 * <p>A count is recomputed from its records' degrees (never by visiting the episodes, so a
 * hotspot costs no more than a quiet place) whenever a record gains or loses mentions or moves
 * between places.
 */
public final class PlaceSightings {

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
      WITH x, sightings WHERE x.sightings IS NULL OR x.sightings <> sightings
      SET x.sightings = sightings
      """;

  private PlaceSightings() {}

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
