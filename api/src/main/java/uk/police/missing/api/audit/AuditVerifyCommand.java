package uk.police.missing.api.audit;

import java.io.PrintStream;
import uk.police.missing.graph.audit.AuditLog;
import uk.police.missing.graph.audit.ChainVerification;

/**
 * {@code java -jar missing-children.jar verify-audit}: checks the whole audit chain, for an
 * operator or a scheduled job; exits 0 when it is intact and 1 when it is not, saying where.
 */
public final class AuditVerifyCommand {

  private AuditVerifyCommand() {}

  public static int run(AuditLog log, PrintStream out) {
    ChainVerification result = log.verify();
    if (result.intact()) {
      out.printf("audit trail intact: %d records checked%n", result.recordsChecked());
      return 0;
    }
    out.printf(
        "audit trail BROKEN after %d sound records: %s%n", result.recordsChecked(), result.problem());
    return 1;
  }
}
