package uk.police.missing.graph.intelligence;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.neo4j.core.Neo4jClient;
import uk.police.missing.graph.episode.EpisodeWrite;

/**
 * Read projections of resolved entities and the concern rankings. Each returns maps shaped like
 * the GraphQL types they feed; {@code __kind} names the entity type.
 */
public final class IntelligenceQueries {

  // A place is described by its latest mention (withdrawn episodes last): a hotspot is named by
  // thousands of episodes, and the newest says what it is now. A vehicle's make, model and
  // colour are each the latest one recorded, as a mention often gives only the registration.
  private static final String PLACE_VIEW =
      """
      p {.id, __kind: 'Place', .forceArea, .authority, .district,
         details: COLLECT {
           MATCH (p)<-[:RECORD_OF]-(:PlaceRecord)
                 <-[m:MISSING_FROM|LAST_SEEN_AT|SIGHTED_AT|FOUND_AT|HOME_PLACE]-(e:MissingEpisode)
           RETURN {uprn: m.uprn, name: m.name, addressLines: m.addressLines, town: m.town,
                   postcode: m.postcode, kind: m.kind,
                   geo: CASE WHEN m.lat IS NULL THEN null ELSE {lat: m.lat, lon: m.lon} END}
           ORDER BY coalesce(e.withdrawn, false), e.reportedAt DESC, e.key LIMIT 1
         }[0]}
      """;

  private static final String CHILD_VIEW =
      """
      c {.id, __kind: 'Child',
         records: COLLECT {
           MATCH (c)<-[:RECORD_OF]-(r:ChildRecord)
           WITH r, COLLECT { MATCH (r)<-[:CONCERNS]-(e:MissingEpisode)
                             RETURN e.reportedAt ORDER BY e.reportedAt DESC LIMIT 1 }[0] AS latest
           RETURN r {.force, .personRef, .givenName, .familyName, .alsoKnownAs, .dateOfBirth,
                     .dateOfBirthEstimated, .sex, .pncId, .careStatus}
           ORDER BY latest DESC, r.force, r.personRef
         }}
      """;

  private static final String PERSON_VIEW =
      """
      p {.id, __kind: 'Person',
         records: COLLECT {
           MATCH (p)<-[:RECORD_OF]-(r:PersonRecord)
           RETURN r {.force, .personRef, .givenName, .familyName, .alsoKnownAs, .dateOfBirth,
                     .approximateAge, .pncId, .isChild}
           ORDER BY r.force, r.personRef
         },
         roles: COLLECT {
           MATCH (p)<-[:RECORD_OF]-(:PersonRecord)<-[i:INVOLVES]-(e:MissingEpisode)
           WHERE NOT coalesce(e.withdrawn, false)
           RETURN DISTINCT i.role AS role ORDER BY role
         }}
      """;

  private static final String ENTITY_BY_ID =
      """
      UNWIND $ids AS id
      OPTIONAL MATCH (c:Child {id: id})
      OPTIONAL MATCH (p:Person {id: id})
      OPTIONAL MATCH (pl:Place {id: id})
      OPTIONAL MATCH (ph:Phone {id: id})
      OPTIONAL MATCH (v:Vehicle {id: id})
      RETURN CASE
        WHEN c IS NOT NULL THEN %s
        WHEN p IS NOT NULL THEN %s
        WHEN pl IS NOT NULL THEN [x IN [pl] | %s][0]
        WHEN ph IS NOT NULL THEN ph {.id, .number, __kind: 'Phone'}
        WHEN v IS NOT NULL THEN v {.id, .registration, __kind: 'Vehicle',
          details: {
            make: COLLECT {
              MATCH (v)<-[m:LINKED_VEHICLE]-(e:MissingEpisode) WHERE m.make IS NOT NULL
              RETURN m.make ORDER BY coalesce(e.withdrawn, false), e.reportedAt DESC, e.key LIMIT 1
            }[0],
            model: COLLECT {
              MATCH (v)<-[m:LINKED_VEHICLE]-(e:MissingEpisode) WHERE m.model IS NOT NULL
              RETURN m.model ORDER BY coalesce(e.withdrawn, false), e.reportedAt DESC, e.key LIMIT 1
            }[0],
            colour: COLLECT {
              MATCH (v)<-[m:LINKED_VEHICLE]-(e:MissingEpisode) WHERE m.colour IS NOT NULL
              RETURN m.colour ORDER BY coalesce(e.withdrawn, false), e.reportedAt DESC, e.key LIMIT 1
            }[0]}}
      END AS entity
      """
          .formatted(CHILD_VIEW, PERSON_VIEW, PLACE_VIEW.replace("p {", "x {").replace("(p)", "(x)"));

  private static final String CHILDREN_BY_ID =
      """
      UNWIND $ids AS id
      MATCH (c:Child {id: id})
      RETURN %s AS entity
      """
          .formatted(CHILD_VIEW);

  private static final String CHILD_OF_RECORD =
      """
      MATCH (:ChildRecord {key: $key})-[:RECORD_OF]->(c:Child)
      RETURN %s AS entity
      """
          .formatted(CHILD_VIEW);

  private static final String PERSON_OF_RECORD =
      """
      MATCH (:PersonRecord {key: $key})-[:RECORD_OF]->(p:Person)
      RETURN %s AS entity
      """
          .formatted(PERSON_VIEW);

  private static final String TIMELINES =
      """
      UNWIND $ids AS id
      MATCH (c:Child {id: id})<-[:RECORD_OF]-(:ChildRecord)<-[:CONCERNS]-(e:MissingEpisode)
      WHERE NOT coalesce(e.withdrawn, false)
      WITH id, e ORDER BY e.reportedAt DESC, e.key
      RETURN id, collect(e.key) AS episodes
      """;

  private static final String SEARCH_CHILDREN =
      """
      MATCH (r:ChildRecord)
      WHERE ($force IS NULL OR r.force = $force)
        AND ($dateOfBirth IS NULL OR r.dateOfBirth = $dateOfBirth)
        AND all(t IN $tokens WHERE any(n IN coalesce(r.searchNames, []) WHERE n STARTS WITH t))
      MATCH (r)-[:RECORD_OF]->(c:Child)
      WITH DISTINCT c
      WITH collect(c) AS found
      UNWIND found AS c
      WITH c, size(found) AS total
      WHERE $after IS NULL OR c.id > $after
      WITH c, total ORDER BY c.id LIMIT $limit
      RETURN %s AS entity, total
      """
          .formatted(CHILD_VIEW);

  /** One page of children found by name and date of birth, ordered by id. */
  public record ChildPage(List<Map<String, Object>> children, boolean hasNext, long totalCount) {}

  private final Neo4jClient neo4j;

  public IntelligenceQueries(Neo4jClient neo4j) {
    this.neo4j = neo4j;
  }

  /** A child, person, place, phone or vehicle by id. */
  public Optional<Map<String, Object>> entity(String id) {
    return entities(List.of(id)).stream().findFirst();
  }

  /** Entities of any kind by id, in one query; unknown ids are left out. */
  public List<Map<String, Object>> entities(Collection<String> ids) {
    return list(ENTITY_BY_ID, Map.of("ids", List.copyOf(ids)), "entity");
  }

  /** Children by id, in one query; unknown ids are left out. */
  public List<Map<String, Object>> children(Collection<String> ids) {
    return list(CHILDREN_BY_ID, Map.of("ids", List.copyOf(ids)), "entity");
  }

  /** The resolved child a force's reference belongs to. */
  public Optional<Map<String, Object>> childByForceRef(String force, String personRef) {
    return list(CHILD_OF_RECORD, Map.of("key", EpisodeWrite.recordKey(force, personRef)), "entity")
        .stream()
        .findFirst();
  }

  /** The resolved person a force's reference belongs to. */
  public Optional<Map<String, Object>> personByForceRef(String force, String personRef) {
    return list(PERSON_OF_RECORD, Map.of("key", EpisodeWrite.recordKey(force, personRef)), "entity")
        .stream()
        .findFirst();
  }

  /**
   * Children with a record matching every name token (as a prefix of a given name, family name
   * or alias, normalised), the date of birth and the force, where given.
   */
  public ChildPage searchChildren(
      List<String> tokens, java.time.LocalDate dateOfBirth, String force, int first, String after) {
    Map<String, Object> params = new HashMap<>();
    params.put("tokens", tokens);
    params.put("dateOfBirth", dateOfBirth);
    params.put("force", force);
    params.put("after", after);
    params.put("limit", first + 1);
    List<Map<String, Object>> rows = new java.util.ArrayList<>();
    long[] total = {0};
    neo4j
        .query(SEARCH_CHILDREN)
        .bindAll(params)
        .fetch()
        .all()
        .forEach(
            row -> {
              rows.add(decorate(castMap(row.get("entity"))));
              total[0] = (Long) row.get("total");
            });
    return new ChildPage(rows.subList(0, Math.min(first, rows.size())), rows.size() > first, total[0]);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object value) {
    return (Map<String, Object>) value;
  }

  /** For each child id, the keys of its counting episodes across forces, newest first. */
  public Map<String, List<String>> timelines(Collection<String> childIds) {
    Map<String, List<String>> out = new HashMap<>();
    neo4j
        .query(TIMELINES)
        .bind(List.copyOf(childIds))
        .to("ids")
        .fetch()
        .all()
        .forEach(row -> out.put((String) row.get("id"), castList(row.get("episodes"))));
    return out;
  }

  // The people a phone or vehicle was recorded against ("via" an associate) in counting episodes.
  private static final String USERS =
      """
      UNWIND $ids AS id
      MATCH (x {id: id})<-[m:LINKED_PHONE|LINKED_VEHICLE]-(e:MissingEpisode)
      WHERE (x:Phone OR x:Vehicle) AND m.via IS NOT NULL AND NOT coalesce(e.withdrawn, false)
      MATCH (e)-[i:INVOLVES {personRef: m.via}]->(:PersonRecord)-[:RECORD_OF]->(p:Person)
      WITH id, p ORDER BY p.id
      RETURN id, collect(DISTINCT p.id) AS people
      """;

  /** For each phone or vehicle id, the people it was recorded against, by id. */
  public Map<String, List<String>> usersOf(Collection<String> ids) {
    Map<String, List<String>> out = new HashMap<>();
    neo4j
        .query(USERS)
        .bind(List.copyOf(ids))
        .to("ids")
        .fetch()
        .all()
        .forEach(row -> out.put((String) row.get("id"), castList(row.get("people"))));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<String> castList(Object value) {
    return (List<String>) value;
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> list(String cypher, Map<String, Object> params, String column) {
    return neo4j
        .query(cypher)
        .bindAll(params)
        .fetchAs(Map.class)
        .mappedBy((types, record) -> record.get(column).isNull() ? null : record.get(column).asMap())
        .all()
        .stream()
        .filter(java.util.Objects::nonNull)
        .map(m -> decorate((Map<String, Object>) m))
        .toList();
  }

  // A child or person is shown by its records in order (for a child, the one with the latest
  // episode first); every record stays listed under records.
  @SuppressWarnings("unchecked")
  private static Map<String, Object> decorate(Map<String, Object> entity) {
    if (entity.get("details") instanceof Map<?, ?> details) {
      Map<String, Object> out = new HashMap<>(entity);
      details.forEach((k, v) -> out.putIfAbsent((String) k, v));
      out.remove("details");
      return out;
    }
    Object records = entity.get("records");
    if (!(records instanceof List<?> list) || list.isEmpty()) {
      return entity;
    }
    Map<String, Object> out = new HashMap<>(entity);
    // Each detail from the first record that has it: one force may know an associate only by
    // a street name, another by name.
    for (String field : List.of("givenName", "familyName", "dateOfBirth", "pncId")) {
      out.put(
          field,
          list.stream()
              .map(r -> ((Map<String, Object>) r).get(field))
              .filter(java.util.Objects::nonNull)
              .findFirst()
              .orElse(null));
    }
    var aliases = new java.util.TreeSet<String>();
    for (Object r : list) {
      Object aka = ((Map<String, Object>) r).get("alsoKnownAs");
      if (aka instanceof List<?> names) {
        names.forEach(n -> aliases.add((String) n));
      }
    }
    out.put("alsoKnownAs", List.copyOf(aliases));
    out.put(
        "forceCodes",
        list.stream().map(r -> ((Map<String, Object>) r).get("force")).distinct().toList());
    return out;
  }
}
