package uk.police.missing.api.intelligence;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import uk.police.missing.api.graphql.ForceArguments;
import uk.police.missing.api.graphql.InvalidArgumentException;
import uk.police.missing.api.graphql.NotFoundException;
import uk.police.missing.graph.intelligence.IntelligenceQueries;
import uk.police.missing.graph.intelligence.LinkChartQueries;
import uk.police.missing.ingest.resolution.Keys;

@Controller
class LinkChartController {

  private final LinkChartQueries charts;
  private final IntelligenceQueries intelligence;
  private final ForceArguments forceArguments;

  LinkChartController(
      LinkChartQueries charts, IntelligenceQueries intelligence, ForceArguments forceArguments) {
    this.charts = charts;
    this.intelligence = intelligence;
    this.forceArguments = forceArguments;
  }

  // depth, maxNodes and first are checked before execution, by their @range in the schema.
  @QueryMapping
  Map<String, Object> linkChart(@Argument String id, @Argument int depth, @Argument int maxNodes) {
    // An empty chart would read as an entity with no links; an unknown id is the caller's error.
    if (intelligence.entity(id).isEmpty()) {
      throw new NotFoundException(
          "id", "no child, person, place, phone or vehicle has this id");
    }
    LinkChartQueries.Chart chart = charts.chart(id, depth, maxNodes);
    Map<String, Map<String, Object>> entities = new HashMap<>();
    intelligence.entities(chart.nodeIds()).forEach(e -> entities.put((String) e.get("id"), e));
    List<Map<String, Object>> nodes =
        chart.nodeIds().stream()
            .filter(entities::containsKey)
            .map(n -> node(entities.get(n)))
            .toList();
    List<Map<String, Object>> edges =
        chart.links().stream()
            .map(
                l ->
                    Map.<String, Object>of(
                        "id", l.id(),
                        "kind", l.kind(),
                        "source", l.source(),
                        "target", l.target(),
                        "episodeCount", l.episodes()))
            .toList();
    return Map.of("nodes", nodes, "edges", edges, "truncated", chart.truncated());
  }

  @QueryMapping
  Map<String, Object> searchChildren(
      @Argument String name,
      @Argument LocalDate dateOfBirth,
      @Argument String force,
      @Argument int first,
      @Argument String after) {
    List<String> tokens =
        name == null
            ? List.of()
            : Arrays.stream(name.trim().split("\\s+")).map(Keys::name).filter(t -> !t.isEmpty()).toList();
    if (tokens.isEmpty() && dateOfBirth == null) {
      throw new InvalidArgumentException("give a name or a date of birth to search by");
    }
    var page =
        intelligence.searchChildren(
            tokens, dateOfBirth, forceArguments.one("force", force), first, decode(after));
    List<Map<String, Object>> edges =
        page.children().stream()
            .map(c -> Map.<String, Object>of("cursor", encode((String) c.get("id")), "node", c))
            .toList();
    Map<String, Object> pageInfo = new HashMap<>();
    pageInfo.put("hasNextPage", page.hasNext());
    pageInfo.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
    return Map.of("edges", edges, "pageInfo", pageInfo, "totalCount", page.totalCount());
  }

  private static Map<String, Object> node(Map<String, Object> entity) {
    String kind = (String) entity.get("__kind");
    return Map.of(
        "id", entity.get("id"), "kind", kind, "label", label(kind, entity), "entity", entity);
  }

  private static String label(String kind, Map<String, Object> e) {
    String label =
        switch (kind) {
          case "Child", "Person" -> join(e.get("givenName"), e.get("familyName"));
          case "Place" -> join(e.get("name"), firstLine(e.get("addressLines")), e.get("postcode"));
          case "Phone" -> (String) e.get("number");
          case "Vehicle" -> (String) e.get("registration");
          default -> null;
        };
    if ((label == null || label.isBlank()) && e.get("alsoKnownAs") instanceof List<?> aka && !aka.isEmpty()) {
      label = "'" + aka.get(0) + "'";
    }
    return label == null || label.isBlank() ? kind : label;
  }

  private static Object firstLine(Object lines) {
    return lines instanceof List<?> l && !l.isEmpty() ? l.get(0) : null;
  }

  private static String join(Object... parts) {
    return String.join(
        " ",
        Arrays.stream(parts).filter(p -> p != null && !p.toString().isBlank()).map(Object::toString).toList());
  }

  private static String encode(String id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidArgumentException("'after' is not a cursor this service gave out");
    }
  }
}
