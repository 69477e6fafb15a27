package uk.police.missing.api.security;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, as far as the service trusts it: the token's subject, the client that asked
 * for the token, the issuer that signed it, and the roles, permissions and forces that issuer is
 * allowed to assert (anything else the token claims has already been dropped).
 */
public record Caller(
    String subject,
    String clientId,
    String issuer,
    Set<Role> roles,
    Set<Permission> permissions,
    Set<String> forces) {

  public Caller {
    roles = Set.copyOf(roles);
    permissions = Set.copyOf(permissions);
    forces = Set.copyOf(forces);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean has(Permission permission) {
    return permissions.contains(permission);
  }

  /** The caller behind an authentication this service's token converter produced. */
  public static Caller of(Authentication authentication) {
    if (authentication instanceof JwtAuthenticationToken token
        && token.getDetails() instanceof Caller caller) {
      return caller;
    }
    throw new IllegalStateException("the request was not authenticated by a bearer token");
  }
}
