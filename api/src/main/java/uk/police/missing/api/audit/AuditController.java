package uk.police.missing.api.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import uk.police.missing.api.graphql.InvalidArgumentException;
import uk.police.missing.graph.audit.AuditLog;
import uk.police.missing.graph.audit.ChainVerification;
import uk.police.missing.graph.audit.StoredAuditRecord;

/**
 * The auditors' view of the trail. Cursors are sequence numbers; page sizes are bounded in the
 * schema ({@code @range}), before any of this runs.
 */
@Controller
class AuditController {

  private final AuditLog log;

  AuditController(AuditLog log) {
    this.log = log;
  }

  @QueryMapping
  Map<String, Object> auditTrail(@Argument int first, @Argument String after) {
    // One more than asked is read to learn whether a next page exists.
    List<StoredAuditRecord> records = log.page(sequence(after), first + 1);
    return connection(records, first);
  }

  @QueryMapping
  Map<String, Object> consultations(
      @Argument String id, @Argument int first, @Argument String after) {
    List<StoredAuditRecord> records = log.consultationsOf(id, first + 1, sequence(after));
    return connection(records, first);
  }

  @QueryMapping
  ChainVerification auditChainVerification() {
    return log.verify();
  }

  @SchemaMapping(typeName = "AuditRecord", field = "variables")
  String variables(StoredAuditRecord record) {
    return record.variablesJson();
  }

  private static Long sequence(String cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      return Long.valueOf(cursor);
    } catch (NumberFormatException e) {
      throw new InvalidArgumentException("after must be an endCursor this query returned");
    }
  }

  private static Map<String, Object> connection(List<StoredAuditRecord> records, int first) {
    List<StoredAuditRecord> page = records.subList(0, Math.min(first, records.size()));
    List<Map<String, Object>> edges =
        page.stream()
            .map(r -> Map.<String, Object>of("cursor", Long.toString(r.sequence()), "node", r))
            .toList();
    Map<String, Object> pageInfo = new HashMap<>();
    pageInfo.put("hasNextPage", records.size() > first);
    pageInfo.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
    return Map.of("edges", edges, "pageInfo", pageInfo);
  }
}
