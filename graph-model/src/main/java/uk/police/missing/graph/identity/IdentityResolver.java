package uk.police.missing.graph.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-resolves the children, people and places whose records a transaction touched: records
 * sharing an identity key are one entity, records sharing none are not. A child's or person's
 * record is a force's record of them; a place's record is one way of writing the place.
 *
 * <p>Each call works on the closure of the touched records: every record that shares a key with
 * one of them, or that belonged to the same entity before, and so on. Connected components of
 * that closure (by shared keys) become the entities; an entity keeps its id when it keeps most of
 * its records, so merges and splits move as few records as possible.
 */
public final class IdentityResolver {

  private static final Logger log = LoggerFactory.getLogger(IdentityResolver.class);

  /** The entity each kind of record resolves to. */
  private static final Map<String, String> ENTITY =
      Map.of("ChildRecord", "Child", "PersonRecord", "Person", "PlaceRecord", "Place");

  /** A component larger than this is a sign of a key that is far too common; it is not merged. */
  private static final int MAX_CLOSURE = 5_000;

  private static final String ENTITY_OF_EACH =
      """
      UNWIND $ids AS id
      MATCH (r) WHERE elementId(r) = id AND (r:ChildRecord OR r:PersonRecord OR r:PlaceRecord)
      MATCH (r)-[:RECORD_OF]->(e)
      RETURN id, elementId(e) AS entity
      """;

  private static final String RECORDS_OF_ENTITIES =
      """
      UNWIND $entities AS id
      MATCH (e)<-[:RECORD_OF]-(r) WHERE elementId(e) = id
      RETURN collect(DISTINCT elementId(r)) AS records
      """;

  // Keys (label %2$s, reached by %1$s) follow the record's current list in its property %3$s,
  // as refreshed from its latest episode; a key no record holds any more goes.
  private static final String SYNC_KEYS =
      """
      UNWIND $ids AS id
      MATCH (r) WHERE elementId(r) = id AND (r:ChildRecord OR r:PersonRecord OR r:PlaceRecord)
      CALL (r) {
        MATCH (r)-[h:%1$s]->(k:%2$s)
        WHERE NOT k.value IN coalesce(r.%3$s, [])
        DELETE h
        WITH k WHERE NOT EXISTS { (k)<-[:%1$s]-() }
        DELETE k
      }
      CALL (r) {
        UNWIND coalesce(r.%3$s, []) AS value
        MERGE (k:%2$s {value: value})
        MERGE (r)-[:%1$s]->(k)
      }
      """;

  private static final String NEIGHBOURS =
      """
      UNWIND $ids AS id
      MATCH (r) WHERE elementId(r) = id AND (r:ChildRecord OR r:PersonRecord OR r:PlaceRecord)
      RETURN id,
             r.key AS key,
             labels(r)[0] AS label,
             [(r)-[:RECORD_OF]->(e) | e.id][0] AS entity,
             COLLECT { MATCH (r)-[:HAS_KEY]->(:IdentityKey)<-[:HAS_KEY]-(o) RETURN DISTINCT elementId(o) } AS keyMates,
             COLLECT { MATCH (r)-[:RECORD_OF]->()<-[:RECORD_OF]-(o) RETURN DISTINCT elementId(o) } AS entityMates,
             COLLECT { MATCH (r)<-[:BETWEEN]-(:PossibleMatch {status: 'CONFIRMED'})-[:BETWEEN]->(o)
                       WHERE o <> r RETURN DISTINCT elementId(o) } AS confirmed,
             COLLECT { MATCH (r)<-[:BETWEEN]-(:PossibleMatch {status: 'REJECTED'})-[:BETWEEN]->(o)
                       WHERE o <> r RETURN DISTINCT elementId(o) } AS rejected
      """;

  // Re-points records (label %1$s) to the entity (label %2$s) resolution gave them.
  private static final String MOVE_RECORDS =
      """
      UNWIND $moves AS move
      MATCH (r:%1$s) WHERE elementId(r) = move.record
      OPTIONAL MATCH (r)-[old:RECORD_OF]->()
      DELETE old
      WITH r, move
      MERGE (e:%2$s {id: move.entity})
      CREATE (r)-[:RECORD_OF]->(e)
      // A child's episodes name its id (see EpisodeWriter): they follow their record.
      WITH r, e
      CALL (r, e) {
        MATCH (r:ChildRecord)<-[:CONCERNS]-(episode:MissingEpisode)
        SET episode.childId = e.id
      }
      """;

  private static final String REMOVE_EMPTY_ENTITIES =
      """
      UNWIND $ids AS id
      MATCH (e) WHERE (e:Child OR e:Person OR e:Place) AND e.id = id
        AND NOT EXISTS { (e)<-[:RECORD_OF]-() }
      DETACH DELETE e
      """;

  private IdentityResolver() {}

  /** The entities the given records belong to now, to be passed to {@link #resolve} later. */
  public static List<String> entitiesOf(TransactionContext tx, Collection<String> recordIds) {
    return List.copyOf(new LinkedHashSet<>(entityOfEach(tx, recordIds).values()));
  }

  /** The entity each of the given records belongs to now, by element id. */
  public static Map<String, String> entityOfEach(
      TransactionContext tx, Collection<String> recordIds) {
    Map<String, String> entities = new HashMap<>();
    tx.run(ENTITY_OF_EACH, Map.of("ids", List.copyOf(recordIds)))
        .forEachRemaining(r -> entities.put(r.get("id").asString(), r.get("entity").asString()));
    return entities;
  }

  /**
   * Brings keys and entities up to date for the touched records (element ids; other nodes are
   * ignored) and the records of the entities they belonged to before the write.
   */
  public static void resolve(
      TransactionContext tx, Collection<String> touched, Collection<String> previousEntities) {
    syncKeys(tx, touched, "HAS_KEY", "IdentityKey", "identityKeys");
    Set<String> seed = new LinkedHashSet<>(touched);
    seed.addAll(
        tx.run(RECORDS_OF_ENTITIES, Map.of("entities", List.copyOf(previousEntities)))
            .single()
            .get("records")
            .asList(Value::asString));

    Map<String, Node> closure = new HashMap<>();
    List<String> frontier = new ArrayList<>(seed);
    while (!frontier.isEmpty() && closure.size() <= MAX_CLOSURE) {
      List<String> next = new ArrayList<>();
      for (var record : tx.run(NEIGHBOURS, Map.of("ids", frontier)).list()) {
        String id = record.get("id").asString();
        var node =
            new Node(
                id,
                record.get("key").asString(),
                record.get("label").asString(),
                record.get("entity").isNull() ? null : record.get("entity").asString(),
                record.get("keyMates").asList(Value::asString),
                record.get("confirmed").asList(Value::asString),
                record.get("rejected").asList(Value::asString));
        if (closure.putIfAbsent(id, node) != null) {
          continue;
        }
        for (String mate : node.keyMates()) {
          if (!closure.containsKey(mate)) {
            next.add(mate);
          }
        }
        for (String mate : node.confirmed()) {
          if (!closure.containsKey(mate)) {
            next.add(mate);
          }
        }
        for (String mate : record.get("entityMates").asList(Value::asString)) {
          if (!closure.containsKey(mate)) {
            next.add(mate);
          }
        }
      }
      frontier = next.stream().distinct().filter(id -> !closure.containsKey(id)).toList();
    }
    if (closure.size() > MAX_CLOSURE) {
      // Never merge on a runaway component: leave entities as they are and say so.
      log.warn("identity closure exceeded {} records; left unresolved this time", MAX_CLOSURE);
      return;
    }
    apply(tx, components(closure));
    // Every record resolution looked at may have joined or left an entity, so its open pairs
    // are judged again too.
    Set<String> judged = new LinkedHashSet<>(touched);
    judged.addAll(closure.keySet());
    PossibleMatches.refresh(tx, judged);
  }

  /** Brings the key nodes of the given records in line with their key list property. */
  static void syncKeys(
      TransactionContext tx, Collection<String> records, String type, String label, String property) {
    tx.run(SYNC_KEYS.formatted(type, label, property), Map.of("ids", List.copyOf(records)))
        .consume();
  }

  // Analysts' decisions come first: a confirmed pair is joined, a rejected pair is never joined,
  // not even through shared keys. Edges are taken in the order of the records' keys (force and
  // reference, or the way a place is written), never of their element ids, so that when a record
  // bridges a rejected pair, the side it joins follows from the data, not from which record
  // arrived first.
  private static List<List<Node>> components(Map<String, Node> closure) {
    Map<String, String> parent = new HashMap<>();
    Map<String, Set<String>> members = new HashMap<>();
    closure.keySet().forEach(id -> {
      parent.put(id, id);
      members.put(id, new HashSet<>(Set.of(id)));
    });
    Comparator<Node> byKey = Comparator.comparing(Node::key).thenComparing(Node::id);
    List<Node> ordered = closure.values().stream().sorted(byKey).toList();
    List<String[]> edges = new ArrayList<>();
    for (Node node : ordered) {
      mates(closure, node.confirmed(), byKey).forEach(m -> edges.add(new String[] {node.id(), m}));
    }
    for (Node node : ordered) {
      mates(closure, node.keyMates(), byKey).forEach(m -> edges.add(new String[] {node.id(), m}));
    }
    for (String[] edge : edges) {
      String a = find(parent, edge[0]);
      String b = find(parent, edge[1]);
      if (a.equals(b) || rejectedBetween(closure, members.get(a), members.get(b))) {
        continue;
      }
      parent.put(a, b);
      members.get(b).addAll(members.remove(a));
    }
    Map<String, List<Node>> byRoot = new HashMap<>();
    for (Node node : closure.values()) {
      byRoot.computeIfAbsent(find(parent, node.id()), k -> new ArrayList<>()).add(node);
    }
    List<List<Node>> components = new ArrayList<>(byRoot.values());
    components.sort(Comparator.comparingInt((List<Node> c) -> c.size()).reversed());
    return components;
  }

  // The mates that are in the closure, in key order.
  private static List<String> mates(
      Map<String, Node> closure, List<String> ids, Comparator<Node> order) {
    return ids.stream()
        .map(closure::get)
        .filter(Objects::nonNull)
        .sorted(order)
        .map(Node::id)
        .toList();
  }

  private static boolean rejectedBetween(Map<String, Node> closure, Set<String> a, Set<String> b) {
    for (String id : a) {
      for (String other : closure.get(id).rejected()) {
        if (b.contains(other)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void apply(TransactionContext tx, List<List<Node>> components) {
    Set<String> claimed = new HashSet<>();
    Set<String> before = new HashSet<>();
    Map<String, List<Map<String, Object>>> moves = new HashMap<>();
    for (List<Node> component : components) {
      Map<String, Integer> votes = new HashMap<>();
      for (Node node : component) {
        if (node.entity() != null) {
          before.add(node.entity());
          votes.merge(node.entity(), 1, Integer::sum);
        }
      }
      // The entity most of the component's records already belong to keeps its id.
      String entity =
          votes.entrySet().stream()
              .filter(e -> !claimed.contains(e.getKey()))
              .max(Map.Entry.<String, Integer>comparingByValue()
                  .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
              .map(Map.Entry::getKey)
              .orElseGet(() -> UUID.randomUUID().toString());
      claimed.add(entity);
      for (Node node : component) {
        if (!entity.equals(node.entity())) {
          moves
              .computeIfAbsent(node.label(), k -> new ArrayList<>())
              .add(Map.of("record", node.id(), "entity", entity));
        }
      }
    }
    moves.forEach(
        (label, list) ->
            tx.run(MOVE_RECORDS.formatted(label, ENTITY.get(label)), Map.of("moves", list))
                .consume());
    if (!moves.isEmpty()) {
      tx.run(REMOVE_EMPTY_ENTITIES, Map.of("ids", List.copyOf(before))).consume();
    }
    if (moves.containsKey("PlaceRecord")) {
      // Places that gained or lost records; ids of children and people find no place.
      Set<String> places = new HashSet<>(claimed);
      places.addAll(before);
      PlaceSummary.recountById(tx, places);
    }
  }

  private static String find(Map<String, String> parent, String id) {
    String root = id;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    parent.put(id, root);
    return root;
  }

  private record Node(
      String id,
      String key,
      String label,
      String entity,
      List<String> keyMates,
      List<String> confirmed,
      List<String> rejected) {}
}
