package uk.police.missing.api.matching;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import uk.police.missing.api.graphql.InvalidArgumentException;
import uk.police.missing.api.security.Caller;
import uk.police.missing.api.security.Consultation;
import uk.police.missing.graph.identity.MatchReview;
import uk.police.missing.graph.intelligence.IntelligenceQueries;

@Controller
class MatchController {

  private final MatchReview review;
  private final IntelligenceQueries intelligence;

  MatchController(MatchReview review, IntelligenceQueries intelligence) {
    this.review = review;
    this.intelligence = intelligence;
  }

  // first is checked before execution, by its @range in the schema.
  @QueryMapping
  Map<String, Object> possibleMatches(
      @Argument int first, @Argument String after, @Argument String status) {
    Double afterConfidence = null;
    String afterId = null;
    if (after != null) {
      String[] cursor = decode(after);
      afterConfidence = Double.valueOf(cursor[0]);
      afterId = cursor[1];
    }
    MatchReview.Page page = review.page(status, first, afterConfidence, afterId);
    List<Map<String, Object>> edges =
        page.matches().stream()
            .map(m -> Map.of("cursor", encode(m), "node", (Object) m))
            .toList();
    Map<String, Object> pageInfo = new HashMap<>();
    pageInfo.put("hasNextPage", page.hasNext());
    pageInfo.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
    return Map.of("edges", edges, "pageInfo", pageInfo, "totalCount", page.totalCount());
  }

  @MutationMapping
  Map<String, Object> decideMatch(
      @Argument String id,
      @Argument String decision,
      @Argument String reason,
      @ContextValue(Consultation.CONTEXT_KEY) Consultation consultation) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidArgumentException("a decision needs a reason");
    }
    if (reason.length() > 2000) {
      throw new InvalidArgumentException("the reason may be at most 2000 characters");
    }
    Caller caller = consultation.caller();
    // Who decided, as an auditor would need to find them again: the person, the system they
    // used, and the issuer that vouched for them; the stated purpose says on which case.
    String decidedBy =
        caller.subject()
            + " (client "
            + caller.clientId()
            + ", issuer "
            + caller.issuer()
            + ", purpose "
            + consultation.purpose()
            + ")";
    if (!review.decide(id, "CONFIRM".equals(decision), reason, decidedBy)) {
      throw new InvalidArgumentException("there is no possible match with that id");
    }
    return review.match(id).orElseThrow();
  }

  @BatchMapping(typeName = "PossibleMatch", field = "entities")
  List<List<Map<String, Object>>> entities(List<Map<String, Object>> matches) {
    Map<String, Map<String, Object>> byId = new HashMap<>();
    intelligence
        .entities(
            matches.stream().flatMap(m -> ids(m).stream()).distinct().toList())
        .forEach(e -> byId.put((String) e.get("id"), e));
    return matches.stream().map(m -> ids(m).stream().map(byId::get).toList()).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<String> ids(Map<String, Object> match) {
    return (List<String>) match.get("entityIds");
  }

  private static String encode(Map<String, Object> match) {
    String raw = match.get("confidence") + "|" + match.get("id");
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decode(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = raw.split("\\|", 2);
      Double.parseDouble(parts[0]);
      if (parts.length != 2) {
        throw new IllegalArgumentException();
      }
      return parts;
    } catch (IllegalArgumentException e) {
      throw new InvalidArgumentException("'after' is not a cursor this service gave out");
    }
  }
}
