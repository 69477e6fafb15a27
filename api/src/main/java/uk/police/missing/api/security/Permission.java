package uk.police.missing.api.security;

import java.util.Arrays;
import java.util.Optional;

/** Extra rights a reader's token may carry on top of a role (the {@code permissions} claim). */
public enum Permission {
  /**
   * Read what a child said in a return home interview (push and pull factors, disclosures,
   * summary) and free-text notes: what a child disclosed is the most sensitive text the service
   * holds, so it is not part of any role by itself. Whether and when an interview was offered
   * and held needs no permission.
   */
  RETURN_INTERVIEWS("return-interviews"),
  /** Confirm or reject possible matches, which changes who the graph says is who. */
  MATCH_DECISIONS("match-decisions");

  private final String claim;

  Permission(String claim) {
    this.claim = claim;
  }

  public String claim() {
    return claim;
  }

  public String authority() {
    return "PERMISSION_" + name();
  }

  static Optional<Permission> ofClaim(String value) {
    return Arrays.stream(values()).filter(p -> p.claim.equals(value)).findFirst();
  }
}
