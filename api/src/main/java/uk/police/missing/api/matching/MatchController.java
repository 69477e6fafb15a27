package uk.police.missing.api.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import uk.police.missing.api.filter.Filters;
import uk.police.missing.api.graphql.Connection;
import uk.police.missing.api.graphql.InvalidArgumentException;
import uk.police.missing.api.security.Caller;
import uk.police.missing.api.security.Consultation;
import uk.police.missing.graph.identity.MatchReview;
import uk.police.missing.graph.intelligence.IntelligenceQueries;
import uk.police.missing.graph.intelligence.Page;

@Controller
class MatchController {

  private final MatchReview review;
  private final IntelligenceQueries intelligence;
  private final Filters filters;

  MatchController(MatchReview review, IntelligenceQueries intelligence, Filters filters) {
    this.review = review;
    this.intelligence = intelligence;
    this.filters = filters;
  }

  // first is checked before execution, by its @range in the schema.
  @QueryMapping
  Connection<Map<String, Object>> possibleMatches(
      @Argument int first,
      @Argument String after,
      @Argument String status,
      @Argument String kind,
      @Argument List<String> force,
      @Argument Double minConfidence,
      @Argument String reason) {
    if (minConfidence != null && (minConfidence < 0 || minConfidence > 1)) {
      throw new InvalidArgumentException("minConfidence: from 0 to 1");
    }
    if (reason != null && reason.length() > 200) {
      throw new InvalidArgumentException("reason: at most 200 characters");
    }
    int offset = Connection.offset(after);
    MatchReview.Page page =
        review.page(
            new MatchReview.Filter(
                status, kind, filters.forceCodes("force", force), minConfidence, reason),
            offset,
            first);
    return Connection.of(new Page<>(page.matches(), offset, page.totalCount()));
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

}
