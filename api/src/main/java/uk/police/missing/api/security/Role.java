package uk.police.missing.api.security;

import java.util.Arrays;
import java.util.Optional;

/** What a caller is, as the {@code roles} claim of its token says (in the claim's spelling). */
public enum Role {
  /** A force's case or records system that pushes episode records; reads nothing. */
  FORCE_SYSTEM("force-system"),
  /** Reads the intelligence queries: entities, searches, concerns, possible matches. */
  ANALYST("analyst"),
  /** Reads what an analyst reads, and link charts. */
  INVESTIGATOR("investigator"),
  /** Reads the audit trail and nothing else. */
  AUDITOR("auditor");

  private final String claim;

  Role(String claim) {
    this.claim = claim;
  }

  public String claim() {
    return claim;
  }

  /** The Spring Security authority that stands for this role. */
  public String authority() {
    return "ROLE_" + name();
  }

  static Optional<Role> ofClaim(String value) {
    return Arrays.stream(values()).filter(r -> r.claim.equals(value)).findFirst();
  }
}
