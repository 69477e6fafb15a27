package uk.police.missing.api.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The resource server: every request but health and the SBOM needs a bearer token from a trusted
 * issuer. The URL rules here are the first gate only; what a caller may read is decided again,
 * field by field, by {@link FieldAccessPolicy}, and what a force system may write by the ingest
 * service.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebSecurityConfiguration {

  @Bean
  SecurityFilterChain api(
      HttpSecurity http,
      SecurityProperties properties,
      ObjectProvider<DevIssuerConfiguration.DevIssuerKey> devIssuerKey,
      AuthenticationEntryPoint entryPoint,
      AccessDeniedHandler deniedHandler)
      throws Exception {
    var key = devIssuerKey.getIfAvailable();
    if (properties.issuers().isEmpty() && key == null) {
      throw new IllegalStateException(
          "no token issuer is configured: list trusted issuers under missing.security.issuers,"
              + " or enable the development issuer (missing.security.dev-issuer.enabled=true)");
    }
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info")
                    .permitAll()
                    .requestMatchers("/actuator/sbom/**", "/actuator/sbom")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/v1/episodes")
                    .hasRole(Role.FORCE_SYSTEM.name())
                    .requestMatchers("/graphql")
                    .hasAnyRole(Role.ANALYST.name(), Role.INVESTIGATOR.name(), Role.AUDITOR.name())
                    // The schema as text (served only outside production): what GraphiQL's
                    // documentation pane shows, for the same readers.
                    .requestMatchers(HttpMethod.GET, "/graphql/schema")
                    .hasAnyRole(Role.ANALYST.name(), Role.INVESTIGATOR.name(), Role.AUDITOR.name())
                    // GraphiQL's page and the scripts it loads, all static (served only outside
                    // production, see api.graphiql); the queries it sends need a token like any
                    // other.
                    .requestMatchers(HttpMethod.GET, "/graphiql", "/graphiql/**")
                    .permitAll()
                    .requestMatchers("/error")
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .authenticationManagerResolver(
                        TokenVerification.resolver(properties, key == null ? null : key.publicKey()))
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(deniedHandler))
        .exceptionHandling(
            exceptions -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Bearer tokens are not sent by browsers on their own, so there is no CSRF to guard.
        .csrf(csrf -> csrf.disable());
    return http.build();
  }
}
