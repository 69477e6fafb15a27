package uk.police.missing.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import uk.police.missing.api.ApiTest;

/**
 * The schema as text at {@code GET /graphql/schema} (outside production; ProductionProfileTest
 * covers it being off there): for every reader of the GraphQL API, and nobody else.
 */
class SchemaPrinterAccessTest extends ApiTest {

  @Test
  void analystsInvestigatorsAndAuditorsReadTheSchemaAsText() {
    for (String reader : List.of("analyst", "investigator", "auditor")) {
      ResponseEntity<String> response = schema(http(reader));

      assertThat(response.getStatusCode().value()).as(reader).isEqualTo(200);
      assertThat(response.getBody()).as(reader).contains("type Query").contains("forces");
    }
  }

  @Test
  void withoutATokenTheSchemaIsRefusedWith401() {
    ResponseEntity<String> response = schema(http());

    assertThat(response.getStatusCode().value()).isEqualTo(401);
    assertThat(response.getBody()).doesNotContain("type Query");
  }

  @Test
  void aForceSystemMayNotReadTheSchema() {
    ResponseEntity<String> response = schema(http("gmp-case-system"));

    assertThat(response.getStatusCode().value()).isEqualTo(403);
    assertThat(response.getBody()).doesNotContain("type Query");
  }

  private static ResponseEntity<String> schema(RestClient client) {
    return client.get().uri("/graphql/schema").retrieve().onStatus(s -> true, (q, r) -> {}).toEntity(String.class);
  }
}
