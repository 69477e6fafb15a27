package uk.police.missing.api.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The development token issuer (Spring Authorization Server, in the service itself), so that the
 * README's run command needs nothing else. Each configured client gets tokens by the client
 * credentials grant; the demo analyst, investigator and auditor are clients too, because the
 * password grant no longer exists in OAuth 2.1 and a browser login would not fit a curl quick
 * start. Its signing key is made at start-up and never leaves memory, so a restart invalidates
 * every token it issued. The production profile refuses to start with it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "missing.security.dev-issuer.enabled", havingValue = "true")
class DevIssuerConfiguration {

  /** The development issuer's signing key pair. */
  record DevIssuerKey(RSAKey key) {
    RSAPublicKey publicKey() {
      try {
        return key.toRSAPublicKey();
      } catch (com.nimbusds.jose.JOSEException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Bean
  DevIssuerKey devIssuerKey() throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var pair = generator.generateKeyPair();
    return new DevIssuerKey(
        new RSAKey.Builder((RSAPublicKey) pair.getPublic())
            .privateKey((RSAPrivateKey) pair.getPrivate())
            .keyID(UUID.randomUUID().toString())
            .build());
  }

  @Bean
  JWKSource<SecurityContext> jwkSource(DevIssuerKey key) {
    return new ImmutableJWKSet<>(new JWKSet(key.key()));
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(SecurityProperties properties) {
    return AuthorizationServerSettings.builder().issuer(properties.devIssuer().issuer()).build();
  }

  @Bean
  RegisteredClientRepository registeredClientRepository(SecurityProperties properties) {
    var dev = properties.devIssuer();
    List<RegisteredClient> clients =
        dev.clients().entrySet().stream()
            .map(
                e ->
                    RegisteredClient.withId(e.getKey())
                        .clientId(e.getKey())
                        // Plain text is acceptable only because this issuer is for development
                        // and the production profile refuses to start with it.
                        .clientSecret("{noop}" + e.getValue().secret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(
                            TokenSettings.builder().accessTokenTimeToLive(dev.tokenLifetime()).build())
                        .build())
            .toList();
    if (clients.isEmpty()) {
      throw new IllegalStateException(
          "missing.security.dev-issuer.enabled is true but no clients are listed under"
              + " missing.security.dev-issuer.clients");
    }
    return new InMemoryRegisteredClientRepository(clients);
  }

  /** Puts what the configuration says about each client into its access tokens. */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> devTokenClaims(SecurityProperties properties) {
    return context -> {
      if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
        return;
      }
      String clientId = context.getRegisteredClient().getClientId();
      SecurityProperties.DevClient client = properties.devIssuer().clients().get(clientId);
      context
          .getClaims()
          .audience(List.of(properties.audience()))
          .claim(CallerTokenConverter.CLIENT_ID, clientId)
          .claim(CallerTokenConverter.ROLES, List.copyOf(client.roles()))
          .claim(CallerTokenConverter.FORCES, List.copyOf(client.forces()))
          .claim(CallerTokenConverter.PERMISSIONS, List.copyOf(client.permissions()));
    };
  }

  /**
   * The issuer's own endpoints (token, JWK set, metadata). Declaring the service's own filter
   * chains removes Boot's, so this one is declared here, ahead of the resource server's.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain devIssuerEndpoints(HttpSecurity http) throws Exception {
    OAuth2AuthorizationServerConfigurer issuer = new OAuth2AuthorizationServerConfigurer();
    http.securityMatcher(issuer.getEndpointsMatcher())
        .with(issuer, Customizer.withDefaults())
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .csrf(csrf -> csrf.ignoringRequestMatchers(issuer.getEndpointsMatcher()));
    return http.build();
  }
}
