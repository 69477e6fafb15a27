package uk.police.missing.api.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the production profile with development settings: the built-in token issuer,
 * no trusted issuer, an issuer whose keys are fetched over plain HTTP, or a secret that is a
 * development default. It runs before any bean is made, so nothing (not the database, not the
 * web server) starts first.
 */
@Configuration(proxyBeanMethods = false)
class ProductionSafety {

  static final String PROFILE = "prod";

  /** Values that are never a real secret: the development defaults and common factory ones. */
  private static final Set<String> DEFAULT_SECRETS =
      Set.of("neo4j", "password", "secret", "changeme", "change-me", "admin", "test");

  @Bean
  static BeanFactoryPostProcessor productionSafetyCheck(Environment environment) {
    return beanFactory -> {
      if (environment.acceptsProfiles(Profiles.of(PROFILE))) {
        List<String> problems = problems((ConfigurableEnvironment) environment);
        if (!problems.isEmpty()) {
          throw new IllegalStateException(
              "the production profile refuses to start: " + String.join("; ", problems));
        }
      }
    };
  }

  static List<String> problems(ConfigurableEnvironment environment) {
    List<String> problems = new ArrayList<>();
    SecurityProperties security =
        Binder.get(environment).bind("missing.security", SecurityProperties.class).orElse(null);
    if (security == null || security.devIssuer().enabled()) {
      problems.add(
          "the development token issuer is enabled (set missing.security.dev-issuer.enabled=false)");
    }
    if (security == null || security.issuers().isEmpty()) {
      problems.add("no trusted token issuer is listed under missing.security.issuers");
    } else {
      for (SecurityProperties.TrustedIssuer issuer : security.issuers()) {
        if (issuer.jwkSetUri() != null && !"https".equalsIgnoreCase(issuer.jwkSetUri().getScheme())) {
          problems.add(
              "the keys of issuer " + issuer.issuer() + " are not fetched over https");
        }
      }
    }
    for (var source : environment.getPropertySources()) {
      if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
        continue;
      }
      for (String name : enumerable.getPropertyNames()) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!(lower.contains("secret") || lower.contains("password"))) {
          continue;
        }
        String value = environment.getProperty(name);
        if (value != null
            && (value.startsWith("dev-only-")
                || DEFAULT_SECRETS.contains(value.toLowerCase(Locale.ROOT)))) {
          // Name the property, never its value.
          problems.add(name + " holds a development or default secret");
        }
      }
    }
    return problems;
  }
}
