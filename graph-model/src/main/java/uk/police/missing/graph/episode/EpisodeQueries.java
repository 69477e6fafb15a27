package uk.police.missing.graph.episode;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Read projections of episodes and of a force's records of a child.
 *
 * <p>Each projection is one Cypher query returning a nested map shaped like the GraphQL type it
 * feeds (and, for the as-recorded parts, like the contract's record), so reading an episode never
 * loads the graph around it and a list of episodes costs one query, not one per episode.
 */
public final class EpisodeQueries {

  // What a record said about a place, from the mention relationship, with the place it resolved to.
  private static final String PLACE =
      """
      {uprn: m.uprn, name: m.name, addressLines: m.addressLines, town: m.town,
       postcode: m.postcode, kind: m.kind,
       geo: CASE WHEN m.lat IS NULL THEN null ELSE {lat: m.lat, lon: m.lon} END, id: p.id,
       forceArea: pr.forceArea, authority: pr.authority, district: pr.district}
      """;

  private static final String EPISODE_PROJECTION =
      """
      e {
        .episodeRef, .recordVersion, .reportedAt, .status, .notes,
        withdrawn: coalesce(e.withdrawn, false),
        force: f {.code, .name, .country},
        child: [(e)-[cm:CONCERNS]->(:ChildRecord)-[:RECORD_OF]->(c:Child) |
                cm {.*, id: c.id, homePlace: [(e)-[m:HOME_PLACE]->(pr:PlaceRecord)-[:RECORD_OF]->(p:Place) | %1$s][0]}][0],
        missingFrom: {
          kind: e.missingFromKind,
          place: [(e)-[m:MISSING_FROM]->(pr:PlaceRecord)-[:RECORD_OF]->(p:Place) | %1$s][0]
        },
        lastSeen: CASE WHEN e.lastSeenAt IS NULL THEN null ELSE {
          at: e.lastSeenAt,
          place: [(e)-[m:LAST_SEEN_AT]->(pr:PlaceRecord)-[:RECORD_OF]->(p:Place) | %1$s][0],
          withPeople: COLLECT { MATCH (e)-[w:WITH {context: 'LAST_SEEN'}]->(r:PersonRecord)
                                RETURN r.personRef ORDER BY w.ordinal }
        } END,
        risk: {level: e.riskLevel, assessedAt: e.riskAssessedAt, factors: e.riskFactors},
        found: CASE WHEN e.foundAt IS NULL THEN null ELSE {
          at: e.foundAt, foundBy: e.foundBy,
          place: [(e)-[m:FOUND_AT]->(pr:PlaceRecord)-[:RECORD_OF]->(p:Place) | %1$s][0],
          withPeople: COLLECT { MATCH (e)-[w:WITH {context: 'FOUND'}]->(r:PersonRecord)
                                RETURN r.personRef ORDER BY w.ordinal }
        } END,
        sightings: CASE WHEN e.sightingCount IS NULL THEN null ELSE COLLECT {
          MATCH (e)-[m:SIGHTED_AT]->(pr:PlaceRecord)-[:RECORD_OF]->(p:Place)
          WITH m, pr, p ORDER BY m.ordinal
          RETURN {at: m.at, kind: m.sightingKind, place: %1$s,
                  withPeople: COLLECT { MATCH (e)-[w:WITH {context: 'SIGHTING', sighting: m.ordinal}]->(r:PersonRecord)
                                        RETURN r.personRef ORDER BY w.ordinal }}
        } END,
        associates: CASE WHEN e.associateCount IS NULL THEN null ELSE COLLECT {
          MATCH (e)-[m:INVOLVES]->(:PersonRecord)-[:RECORD_OF]->(person:Person)
          WITH m, person ORDER BY m.ordinal
          RETURN m {.*, id: person.id,
                    vehicles: COLLECT { MATCH (e)-[v:LINKED_VEHICLE {via: m.personRef}]->(ve:Vehicle)
                                        RETURN v {.registration, .make, .model, .colour, id: ve.id}
                                        ORDER BY v.ordinal }}
        } END,
        phones: CASE WHEN e.phoneCount IS NULL THEN null ELSE COLLECT {
          MATCH (e)-[m:LINKED_PHONE]->(ph:Phone) WHERE m.via IS NULL
          RETURN m.asRecorded ORDER BY m.ordinal
        } END,
        linkedPhones: COLLECT {
          MATCH (e)-[:LINKED_PHONE]->(ph:Phone)
          RETURN DISTINCT ph {.id, .number}
        },
        vehicles: CASE WHEN e.vehicleCount IS NULL THEN null ELSE COLLECT {
          MATCH (e)-[v:LINKED_VEHICLE]->(ve:Vehicle) WHERE v.via IS NULL
          RETURN v {.registration, .make, .model, .colour, id: ve.id} ORDER BY v.ordinal
        } END,
        returnInterview: CASE WHEN e.rhiStatus IS NULL THEN null ELSE {
          status: e.rhiStatus, offeredAt: e.rhiOfferedAt, completedAt: e.rhiCompletedAt,
          agency: e.rhiAgency, pushFactors: e.rhiPushFactors, pullFactors: e.rhiPullFactors,
          disclosures: e.rhiDisclosures, summary: e.rhiSummary
        } END,
        versions: COLLECT {
          MATCH (e)-[:HAS_VERSION]->(v:EpisodeRecord)
          RETURN v {.recordVersion, .receivedAt, .sha256} ORDER BY v.recordVersion
        }
      }
      """
          .formatted(PLACE);

  private static final String EPISODES_BY_KEY =
      """
      UNWIND $keys AS key
      MATCH (e:MissingEpisode {key: key})-[:REPORTED_BY]->(f:Force)
      RETURN %s AS episode
      """
          .formatted(EPISODE_PROJECTION);

  private static final String EPISODES_OF_CHILD_RECORD =
      """
      MATCH (:ChildRecord {key: $key})<-[:CONCERNS]-(e:MissingEpisode)-[:REPORTED_BY]->(f:Force)
      WHERE $includeWithdrawn OR NOT coalesce(e.withdrawn, false)
      WITH e, f ORDER BY e.reportedAt DESC, e.episodeRef
      RETURN %s AS episode
      """
          .formatted(EPISODE_PROJECTION);

  private static final String CHILD_RECORD =
      """
      MATCH (r:ChildRecord {key: $key})-[:RECORD_OF]->(c:Child),
            (r)-[:RECORDED_BY]->(f:Force)
      RETURN r {.*, id: c.id, force: f {.code, .name, .country},
                episodeCount: COUNT { (r)<-[:CONCERNS]-(e:MissingEpisode)
                                      WHERE NOT coalesce(e.withdrawn, false) },
                withdrawnEpisodeCount: COUNT { (r)<-[:CONCERNS]-(e:MissingEpisode)
                                               WHERE e.withdrawn }} AS record
      """;

  private final Neo4jClient neo4j;

  public EpisodeQueries(Neo4jClient neo4j) {
    this.neo4j = neo4j;
  }

  /** An episode as its force last sent it, or empty if the force sent no such episode. */
  public Optional<Map<String, Object>> episode(String force, String episodeRef) {
    return episodes(List.of(EpisodeWrite.episodeKey(force, episodeRef))).stream().findFirst();
  }

  /** Episodes by key ({@code force|episodeRef}), in one query. */
  public List<Map<String, Object>> episodes(Collection<String> keys) {
    return list(EPISODES_BY_KEY, Map.of("keys", List.copyOf(keys)), "episode");
  }

  /** A force's record of a child, with counts of its episodes, as that force last described it. */
  public Optional<Map<String, Object>> childRecord(String force, String personRef) {
    return list(CHILD_RECORD, Map.of("key", EpisodeWrite.recordKey(force, personRef)), "record")
        .stream()
        .findFirst();
  }

  /** The episodes a force recorded for one of its child records, newest report first. */
  public List<Map<String, Object>> episodesOfChildRecord(
      String force, String personRef, boolean includeWithdrawn) {
    return list(
        EPISODES_OF_CHILD_RECORD,
        Map.of(
            "key", EpisodeWrite.recordKey(force, personRef), "includeWithdrawn", includeWithdrawn),
        "episode");
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> list(String cypher, Map<String, Object> params, String column) {
    return List.copyOf(
        neo4j
            .query(cypher)
            .bindAll(params)
            .fetchAs(Map.class)
            .mappedBy((types, record) -> record.get(column).asMap())
            .all()
            .stream()
            .map(m -> (Map<String, Object>) m)
            .toList());
  }
}
