package uk.police.missing.api.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a validated token into a {@link Caller}, keeping only what its issuer may assert: a
 * force's own identity provider cannot make its users national auditors, nor its systems write
 * for another force, whatever its tokens say.
 */
final class CallerTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  static final String ROLES = "roles";
  static final String FORCES = "forces";
  static final String PERMISSIONS = "permissions";
  static final String CLIENT_ID = "client_id";

  private static final Logger log = LoggerFactory.getLogger(CallerTokenConverter.class);

  private final Set<String> mayAssertRoles;
  private final Set<String> mayAssertForces;
  private final Set<String> mayAssertPermissions;

  /** Null sets mean "anything the service knows", for the service's own development issuer. */
  CallerTokenConverter(
      Set<String> mayAssertRoles, Set<String> mayAssertForces, Set<String> mayAssertPermissions) {
    this.mayAssertRoles = mayAssertRoles;
    this.mayAssertForces = mayAssertForces;
    this.mayAssertPermissions = mayAssertPermissions;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String claim : allowed(jwt, ROLES, mayAssertRoles)) {
      Role.ofClaim(claim).ifPresent(roles::add);
    }
    Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    for (String claim : allowed(jwt, PERMISSIONS, mayAssertPermissions)) {
      Permission.ofClaim(claim).ifPresent(permissions::add);
    }
    Set<String> forces = new LinkedHashSet<>(allowed(jwt, FORCES, mayAssertForces));
    String clientId = jwt.getClaimAsString(CLIENT_ID);
    Caller caller =
        new Caller(
            jwt.getSubject(),
            clientId == null ? jwt.getSubject() : clientId,
            jwt.getIssuer() == null ? null : jwt.getIssuer().toString(),
            roles,
            permissions,
            forces);

    List<GrantedAuthority> authorities = new ArrayList<>();
    roles.forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
    permissions.forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
    JwtAuthenticationToken token = new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    token.setDetails(caller);
    return token;
  }

  private List<String> allowed(Jwt jwt, String claim, Set<String> mayAssert) {
    Collection<String> values = jwt.hasClaim(claim) ? jwt.getClaimAsStringList(claim) : null;
    if (values == null) {
      return List.of();
    }
    List<String> kept = new ArrayList<>();
    for (String value : values) {
      if (mayAssert == null || mayAssert.contains(value)) {
        kept.add(value);
      } else {
        // Names only the claim, not the subject: the log says an issuer overreached, not who.
        log.warn("issuer {} may not assert {} '{}'; ignored", jwt.getIssuer(), claim, value);
      }
    }
    return kept;
  }
}
