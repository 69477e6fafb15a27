package uk.police.missing.api.intelligence;

import graphql.schema.GraphQLObjectType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;
import uk.police.missing.api.graphql.ForceArguments;
import uk.police.missing.api.graphql.NotFoundException;
import uk.police.missing.graph.episode.EpisodeQueries;
import uk.police.missing.graph.force.Force;
import uk.police.missing.graph.force.ForceCatalogue;
import uk.police.missing.graph.intelligence.IntelligenceQueries;

@Controller
class IntelligenceController {

  private final IntelligenceQueries intelligence;
  private final EpisodeQueries episodes;
  private final ForceCatalogue forces;
  private final ForceArguments forceArguments;

  IntelligenceController(
      IntelligenceQueries intelligence,
      EpisodeQueries episodes,
      ForceCatalogue forces,
      ForceArguments forceArguments) {
    this.intelligence = intelligence;
    this.episodes = episodes;
    this.forces = forces;
    this.forceArguments = forceArguments;
  }

  // An id or reference naming nothing is an error naming the argument, not a silent null.
  @QueryMapping
  Map<String, Object> childByForceRef(@Argument String force, @Argument String personRef) {
    String code = forceArguments.one("force", force);
    return intelligence
        .childByForceRef(code, personRef)
        .orElseThrow(
            () -> new NotFoundException("personRef", code + " has sent no child with this reference"));
  }

  @QueryMapping
  Map<String, Object> personByForceRef(@Argument String force, @Argument String personRef) {
    String code = forceArguments.one("force", force);
    return intelligence
        .personByForceRef(code, personRef)
        .orElseThrow(
            () -> new NotFoundException("personRef", code + " has sent no person with this reference"));
  }

  @QueryMapping
  Map<String, Object> child(@Argument String id) {
    return entityOfKind(id, "Child", "child");
  }

  @QueryMapping
  Map<String, Object> person(@Argument String id) {
    return entityOfKind(id, "Person", "person");
  }

  @QueryMapping
  Map<String, Object> place(@Argument String id) {
    return entityOfKind(id, "Place", "place");
  }

  @SchemaMapping(typeName = "Child", field = "forces")
  List<Force> childForces(Map<String, Object> child) {
    return forcesOf(child.get("forceCodes"));
  }

  @SchemaMapping(typeName = "Person", field = "forces")
  List<Force> personForces(Map<String, Object> person) {
    return forcesOf(person.get("forceCodes"));
  }

  @SchemaMapping(typeName = "ChildForceRecord", field = "force")
  Force childRecordForce(Map<String, Object> record) {
    return forces.find((String) record.get("force")).orElseThrow();
  }

  @SchemaMapping(typeName = "PersonForceRecord", field = "force")
  Force personRecordForce(Map<String, Object> record) {
    return forces.find((String) record.get("force")).orElseThrow();
  }

  // One query for the episode keys of every child in the response, one for the episodes.
  @BatchMapping(typeName = "Child", field = "timeline")
  List<List<Map<String, Object>>> timeline(List<Map<String, Object>> children) {
    List<String> ids = children.stream().map(c -> (String) c.get("id")).toList();
    Map<String, List<String>> keysByChild = intelligence.timelines(ids);
    Set<String> allKeys = new LinkedHashSet<>();
    keysByChild.values().forEach(allKeys::addAll);
    Map<String, Map<String, Object>> byKey = new HashMap<>();
    for (Map<String, Object> episode : episodes.episodes(allKeys)) {
      byKey.put(
          ((Map<?, ?>) episode.get("force")).get("code") + "|" + episode.get("episodeRef"),
          episode);
    }
    List<List<Map<String, Object>>> out = new ArrayList<>();
    for (String id : ids) {
      out.add(keysByChild.getOrDefault(id, List.of()).stream().map(byKey::get).toList());
    }
    return out;
  }

  // Entity is an interface: the projection says which type each map is.
  @Bean
  static RuntimeWiringConfigurer entityTypes() {
    return wiring ->
        wiring.type(
            "Entity",
            type ->
                type.typeResolver(
                    env ->
                        (GraphQLObjectType)
                            env.getSchema().getType((String) ((Map<?, ?>) env.getObject()).get("__kind"))));
  }

  // An id of another kind reads as not found: the message does not say what it is instead.
  private Map<String, Object> entityOfKind(String id, String kind, String noun) {
    return intelligence
        .entity(id)
        .filter(e -> kind.equals(e.get("__kind")))
        .orElseThrow(() -> new NotFoundException("id", "no " + noun + " has this id"));
  }

  private List<Force> forcesOf(Object codes) {
    return strings(codes).stream().map(code -> forces.find(code).orElseThrow()).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return value == null ? List.of() : (List<String>) value;
  }
}
