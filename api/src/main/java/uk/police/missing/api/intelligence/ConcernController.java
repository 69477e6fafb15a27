package uk.police.missing.api.intelligence;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import uk.police.missing.api.filter.FilterInput;
import uk.police.missing.api.filter.Filters;
import uk.police.missing.api.graphql.Connection;
import uk.police.missing.api.graphql.InvalidArgumentException;
import uk.police.missing.graph.force.Force;
import uk.police.missing.graph.force.ForceCatalogue;
import uk.police.missing.graph.intelligence.ConcernHit;
import uk.police.missing.graph.intelligence.ConcernRankings;
import uk.police.missing.graph.intelligence.Evidence;
import uk.police.missing.graph.intelligence.IntelligenceQueries;

/** The concern rankings: places, people, phones and vehicles that recur around missing children. */
@Controller
class ConcernController {

  private final ConcernRankings rankings;
  private final IntelligenceQueries intelligence;
  private final Filters filters;
  private final ForceCatalogue forces;

  ConcernController(
      ConcernRankings rankings, IntelligenceQueries intelligence, Filters filters, ForceCatalogue forces) {
    this.rankings = rankings;
    this.intelligence = intelligence;
    this.filters = filters;
    this.forces = forces;
  }

  // first is checked before execution, by its @range in the schema.
  @QueryMapping
  Connection<ConcernHit> placesOfConcern(
      @Argument FilterInput filter,
      @Argument int minChildren,
      @Argument int minForces,
      @Argument int first,
      @Argument String after) {
    check(minChildren, minForces);
    return Connection.of(
        rankings.places(filters.episodes(filter), minChildren, minForces, Connection.offset(after), first));
  }

  @QueryMapping
  Connection<ConcernHit> peopleOfConcern(
      @Argument FilterInput filter,
      @Argument int minChildren,
      @Argument int minForces,
      @Argument boolean includeProbable,
      @Argument int first,
      @Argument String after) {
    check(minChildren, minForces);
    return Connection.of(
        rankings.people(
            filters.episodes(filter), minChildren, minForces, includeProbable, Connection.offset(after), first));
  }

  @QueryMapping
  Connection<ConcernHit> objectsOfConcern(
      @Argument FilterInput filter,
      @Argument int minChildren,
      @Argument int minForces,
      @Argument int first,
      @Argument String after) {
    check(minChildren, minForces);
    return Connection.of(
        rankings.objects(filters.episodes(filter), minChildren, minForces, Connection.offset(after), first));
  }

  @SchemaMapping(typeName = "ConcernHit", field = "forces")
  List<Force> forces(ConcernHit hit) {
    return hit.forceCodes().stream().map(code -> forces.find(code).orElseThrow()).toList();
  }

  @BatchMapping(typeName = "ConcernHit", field = "entity")
  List<Map<String, Object>> entity(List<ConcernHit> hits) {
    Map<String, Map<String, Object>> byId = entities(hits.stream().map(ConcernHit::entityId).toList());
    return hits.stream().map(h -> byId.get(h.entityId())).toList();
  }

  @BatchMapping(typeName = "ConcernHit", field = "members")
  List<List<Map<String, Object>>> members(List<ConcernHit> hits) {
    Map<String, Map<String, Object>> byId =
        entities(hits.stream().flatMap(h -> h.memberIds().stream()).toList());
    return hits.stream().map(h -> h.memberIds().stream().map(byId::get).toList()).toList();
  }

  @SchemaMapping(typeName = "ConcernHit", field = "probableBecause")
  List<String> probableBecause(ConcernHit hit) {
    return hit.because();
  }

  @BatchMapping(typeName = "ConcernHit", field = "children")
  List<List<Map<String, Object>>> children(List<ConcernHit> hits) {
    Set<String> ids = new LinkedHashSet<>();
    hits.forEach(h -> ids.addAll(h.childIds()));
    Map<String, Map<String, Object>> byId = new HashMap<>();
    intelligence.children(ids).forEach(c -> byId.put((String) c.get("id"), c));
    return hits.stream().map(h -> h.childIds().stream().map(byId::get).toList()).toList();
  }

  @BatchMapping(typeName = "ConcernHit", field = "evidence")
  List<List<Evidence>> evidence(List<ConcernHit> hits) {
    Map<String, List<Evidence>> byEntity = rankings.evidence(hits);
    return hits.stream().map(h -> byEntity.getOrDefault(h.entityId(), List.of())).toList();
  }

  private Map<String, Map<String, Object>> entities(List<String> ids) {
    Map<String, Map<String, Object>> byId = new HashMap<>();
    intelligence.entities(ids.stream().distinct().toList()).forEach(e -> byId.put((String) e.get("id"), e));
    return byId;
  }

  private static void check(int minChildren, int minForces) {
    if (minChildren < 1 || minForces < 1) {
      throw new InvalidArgumentException("minChildren and minForces must be at least 1");
    }
  }
}
