package uk.police.missing.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.police.missing.api.ApiTest;
import uk.police.missing.graph.audit.AuditLog;
import uk.police.missing.graph.testing.TestNeo4j;

/** The verification command says whether the chain is intact, and where it breaks. */
class AuditVerifyCommandTest extends ApiTest {

  @Autowired private AuditLog log;

  @Test
  void saysIntactThenNamesTheAlteredRecord() {
    TestNeo4j.resetAuditTrail();
    push(resource("contract/valid.ndjson"));
    childId("GMP", "GMP-P-000451");
    var out = new ByteArrayOutputStream();

    assertThat(AuditVerifyCommand.run(log, new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("intact: 2 records");

    TestNeo4j.driver().executableQuery("MATCH (a:AuditRecord {sequence: 1}) SET a.outcome = 'FAILED'").execute();
    out.reset();

    assertThat(AuditVerifyCommand.run(log, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("BROKEN").contains("record 1");
  }
}
