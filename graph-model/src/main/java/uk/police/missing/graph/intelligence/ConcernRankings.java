package uk.police.missing.graph.intelligence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import uk.police.missing.graph.identity.ProbablePeople;

/**
 * Places, people, phones and vehicles that recur around missing children, ranked most concerning
 * first (most children, then most forces, then most episodes, then id), each with the episodes
 * that put each child there. Counted from the episodes each time, under one {@link
 * EpisodeFilter}; only the way in is kept ready (a place's sightings and sighting forces).
 */
public final class ConcernRankings {

  /** The most evidence episodes listed per hit, newest first; the hit's counts say the rest. */
  public static final int EVIDENCE_LIMIT = 50;

  // %1$s finds the candidates x and their episodes e; %2$s is the episode filter.
  private static final String RANKING =
      """
      %1$s
      WITH x, e WHERE %2$s
      WITH coalesce($groupOf[x.id], x.id) AS g, labels(x)[0] AS kind, e.childId AS c, e
      WITH g, kind, count(DISTINCT c) AS childCount, count(DISTINCT e.force) AS forceCount,
           count(DISTINCT e) AS episodeCount, collect(DISTINCT c) AS childIds,
           collect(DISTINCT e.force) AS forceCodes, min(e.reportedAt) AS firstSeen,
           max(e.reportedAt) AS lastSeen
      WHERE childCount >= $minChildren AND forceCount >= $minForces
      WITH g, kind, childCount, forceCount, episodeCount, childIds, forceCodes, firstSeen, lastSeen
      ORDER BY childCount DESC, forceCount DESC, episodeCount DESC, g
      WITH collect({entityId: g, kind: kind, childCount: childCount, forceCount: forceCount,
                    episodeCount: episodeCount, childIds: childIds, forceCodes: forceCodes,
                    firstSeen: firstSeen, lastSeen: lastSeen}) AS hits
      RETURN size(hits) AS total, hits[$offset..$end] AS page
      """;

  // A place named fewer times than the children asked for, or by fewer forces, cannot qualify:
  // both are kept on the place under an index, so only those that can are aggregated. Most
  // places are named by one force, so when two or more are asked for that index is the narrow
  // way in (the planner, left to itself, took the sightings index and read every place); else
  // an area asked for is, else the sightings.
  private static final String PLACES =
      """
      MATCH (x:Place) %s WHERE x.sightings >= $minChildren AND x.sightingForces >= $minForces %s
      MATCH (x)<-[:RECORD_OF]-(:PlaceRecord)<-[:LAST_SEEN_AT|SIGHTED_AT|FOUND_AT]-(e:MissingEpisode)""";

  private static final String PEOPLE =
      "MATCH (x:Person)<-[:RECORD_OF]-(:PersonRecord)<-[:INVOLVES]-(e:MissingEpisode)";

  // Most phones and vehicles are named by one episode; the degree is read without the episodes.
  private static final String OBJECTS =
      """
      CALL () {
        MATCH (x:Phone) WHERE COUNT { (x)<-[:LINKED_PHONE]-() } >= $minChildren
        MATCH (x)<-[:LINKED_PHONE]-(e:MissingEpisode)
        RETURN x, e
        UNION
        MATCH (x:Vehicle) WHERE COUNT { (x)<-[:LINKED_VEHICLE]-() } >= $minChildren
        MATCH (x)<-[:LINKED_VEHICLE]-(e:MissingEpisode)
        RETURN x, e
      }""";

  // %1$s links x (by id) to its episodes e through m; %2$s the filter; %3$s and %4$s what the
  // role and the via of each link are.
  private static final String EVIDENCE =
      """
      UNWIND $groups AS grp
      UNWIND grp.members AS id
      %1$s
      WITH grp, x, m, e WHERE %2$s
      WITH grp.key AS key, e, collect(DISTINCT %3$s) AS roles, collect(DISTINCT %4$s) AS via
      ORDER BY e.reportedAt DESC, e.key
      WITH key, collect({force: e.force, episodeRef: e.episodeRef, reportedAt: e.reportedAt,
                         foundAt: e.foundAt, status: e.status, riskLevel: e.riskLevel,
                         roles: roles, via: via, childId: e.childId})[..$limit] AS evidence
      RETURN key, evidence
      """;

  private static final Map<String, String[]> EVIDENCE_PATTERNS =
      Map.of(
          "Place",
          new String[] {
            "MATCH (x:Place {id: id})<-[:RECORD_OF]-(:PlaceRecord)<-[m:LAST_SEEN_AT|SIGHTED_AT|FOUND_AT]-(e:MissingEpisode)",
            "type(m)",
            "null"
          },
          "Person",
          new String[] {
            "MATCH (x:Person {id: id})<-[:RECORD_OF]-(:PersonRecord)<-[m:INVOLVES]-(e:MissingEpisode)",
            "m.role",
            "e.force + ' ' + m.personRef"
          },
          "Phone",
          new String[] {"MATCH (x:Phone {id: id})<-[m:LINKED_PHONE]-(e:MissingEpisode)", "type(m)", "m.via"},
          "Vehicle",
          new String[] {"MATCH (x:Vehicle {id: id})<-[m:LINKED_VEHICLE]-(e:MissingEpisode)", "type(m)", "m.via"});

  private final Neo4jClient neo4j;
  private final ProbablePeople probable;

  public ConcernRankings(Neo4jClient neo4j, ProbablePeople probable) {
    this.neo4j = neo4j;
    this.probable = probable;
  }

  /**
   * Places where children were last seen, sighted or found. The filter's areas and place kinds
   * choose the places (a place is in the force area most of its ways of writing give); its other
   * parts choose the episodes that count.
   */
  public Page<ConcernHit> places(
      EpisodeFilter filter, int minChildren, int minForces, int offset, int first) {
    StringBuilder where = new StringBuilder();
    Map<String, Object> extra = new HashMap<>();
    if (filter.forceAreas() != null && !filter.forceAreas().isEmpty()) {
      where.append(" AND x.forceArea IN $placeAreas");
      extra.put("placeAreas", filter.forceAreas());
    }
    if (filter.authorities() != null && !filter.authorities().isEmpty()) {
      where.append(" AND x.authority IN $placeAuthorities");
      extra.put("placeAuthorities", filter.authorities());
    }
    if (filter.placeKinds() != null && !filter.placeKinds().isEmpty()) {
      where.append(
          " AND EXISTS { (x)<-[:RECORD_OF]-(:PlaceRecord)<-[k]-(:MissingEpisode) WHERE k.kind IN $placeKinds }");
      extra.put("placeKinds", filter.placeKinds());
    }
    String index =
        minForces >= 2
            ? "USING INDEX x:Place(sightingForces)"
            : extra.containsKey("placeAreas")
                ? "USING INDEX x:Place(forceArea)"
                : extra.containsKey("placeAuthorities")
                    ? "USING INDEX x:Place(authority)"
                    : "USING INDEX x:Place(sightings)";
    return rank(PLACES.formatted(index, where), filter.anyPlace(), filter, minChildren, minForces,
        Map.of(), extra, offset, first);
  }

  /**
   * Associates named in the episodes of several children. With {@code includeProbable}, people
   * that open possible matches tie together by a shared phone, vehicle or street name count as
   * one probable person (see {@link ProbablePeople}).
   */
  public Page<ConcernHit> people(
      EpisodeFilter filter, int minChildren, int minForces, boolean includeProbable, int offset, int first) {
    Map<String, List<String>> members = new HashMap<>();
    Map<String, List<String>> because = new HashMap<>();
    if (includeProbable) {
      for (ProbablePeople.Group group : probable.groups()) {
        members.put(group.personIds().get(0), group.personIds());
        because.put(group.personIds().get(0), group.reasons());
      }
    }
    Map<String, Object> groupOf = new HashMap<>();
    members.forEach((key, ids) -> ids.forEach(id -> groupOf.put(id, key)));
    Page<ConcernHit> page =
        rank(PEOPLE, filter, filter, minChildren, minForces, groupOf, Map.of(), offset, first);
    List<ConcernHit> hits = new ArrayList<>();
    for (ConcernHit hit : page.items()) {
      hits.add(
          new ConcernHit(
              hit.kind(), hit.entityId(), members.getOrDefault(hit.entityId(), hit.memberIds()),
              because.getOrDefault(hit.entityId(), List.of()), hit.childCount(), hit.forceCount(),
              hit.episodeCount(), hit.childIds(), hit.forceCodes(), hit.firstSeen(), hit.lastSeen(),
              hit.filter()));
    }
    return new Page<>(hits, page.offset(), page.totalCount());
  }

  /** Phones and vehicles linked to the episodes of several children, on the episode or an associate. */
  public Page<ConcernHit> objects(
      EpisodeFilter filter, int minChildren, int minForces, int offset, int first) {
    return rank(OBJECTS, filter, filter, minChildren, minForces, Map.of(), Map.of(), offset, first);
  }

  /**
   * For each hit, the latest {@link #EVIDENCE_LIMIT} episodes behind it under its filter, keyed by
   * the hit's entity id; for a probable person, those of all its members.
   */
  public Map<String, List<Evidence>> evidence(List<ConcernHit> hits) {
    Map<String, List<Evidence>> out = new LinkedHashMap<>();
    Map<String, Map<String, List<String>>> groups = new LinkedHashMap<>();
    Map<String, ConcernHit> sample = new HashMap<>();
    for (ConcernHit hit : hits) {
      String batch = hit.kind() + "|" + hit.filter().hashCode();
      groups.computeIfAbsent(batch, k -> new LinkedHashMap<>()).put(hit.entityId(), hit.memberIds());
      sample.putIfAbsent(batch, hit);
    }
    groups.forEach(
        (batch, members) -> {
          ConcernHit any = sample.get(batch);
          out.putAll(evidence(any.kind(), members, any.filter()));
        });
    return out;
  }

  /**
   * For places, people, phones or vehicles of one kind (Place, Person, Phone, Vehicle), the
   * latest {@link #EVIDENCE_LIMIT} counting episodes that link a child to each, under the filter.
   *
   * @param members for each key, the ids of the entities read as one (just the key, mostly)
   */
  public Map<String, List<Evidence>> evidence(
      String kind, Map<String, List<String>> members, EpisodeFilter filter) {
    String[] pattern = EVIDENCE_PATTERNS.get(kind);
    EpisodeFilter episodes = kind.equals("Place") ? filter.anyPlace() : filter;
    Map<String, Object> params = new HashMap<>(episodes.parameters());
    List<Map<String, Object>> groups = new ArrayList<>();
    members.forEach((key, ids) -> groups.add(Map.of("key", key, "members", ids)));
    params.put("groups", groups);
    params.put("limit", EVIDENCE_LIMIT);
    Map<String, List<Evidence>> out = new LinkedHashMap<>();
    neo4j
        .query(EVIDENCE.formatted(pattern[0], episodes.condition("e"), pattern[1], pattern[2]))
        .bindAll(params)
        .fetchAs(String.class)
        .mappedBy(
            (types, row) -> {
              String key = row.get("key").asString();
              out.put(key, row.get("evidence").asList(v -> evidence(key, v)));
              return key;
            })
        .all();
    return out;
  }

  static Evidence evidence(String entityId, Value v) {
    return new Evidence(
        entityId,
        v.get("force").asString(),
        v.get("episodeRef").asString(),
        v.get("reportedAt").asOffsetDateTime(),
        v.get("foundAt").isNull() ? null : v.get("foundAt").asOffsetDateTime(),
        v.get("status").asString(),
        v.get("riskLevel").isNull() ? null : v.get("riskLevel").asString(),
        v.get("roles").asList(Value::asString),
        v.get("via").asList(Value::asString),
        v.get("childId").asString());
  }

  @SuppressWarnings("unchecked")
  private Page<ConcernHit> rank(
      String pattern,
      EpisodeFilter episodes,
      EpisodeFilter kept,
      int minChildren,
      int minForces,
      Map<String, Object> groupOf,
      Map<String, Object> extra,
      int offset,
      int first) {
    Map<String, Object> params = new HashMap<>(episodes.parameters());
    params.putAll(extra);
    params.put("minChildren", minChildren);
    params.put("minForces", minForces);
    params.put("groupOf", groupOf);
    params.put("offset", offset);
    params.put("end", offset + first);
    return neo4j
        .query(RANKING.formatted(pattern, episodes.condition("e")))
        .bindAll(params)
        .fetchAs(Page.class)
        .mappedBy(
            (types, row) ->
                new Page<>(
                    row.get("page").asList(v -> hit(v, kept)), offset, row.get("total").asLong()))
        .one()
        .orElseThrow();
  }

  private static ConcernHit hit(Value v, EpisodeFilter filter) {
    String id = v.get("entityId").asString();
    return new ConcernHit(
        v.get("kind").asString(),
        id,
        List.of(id),
        List.of(),
        v.get("childCount").asLong(),
        v.get("forceCount").asLong(),
        v.get("episodeCount").asLong(),
        v.get("childIds").asList(Value::asString),
        v.get("forceCodes").asList(Value::asString),
        offset(v.get("firstSeen")),
        offset(v.get("lastSeen")),
        filter);
  }

  private static OffsetDateTime offset(Value v) {
    return v.isNull() ? null : v.asOffsetDateTime();
  }
}
