package uk.police.missing.api;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import uk.police.missing.api.audit.AuditVerifyCommand;
import uk.police.missing.api.loader.BulkLoader;
import uk.police.missing.graph.audit.AuditLog;
import uk.police.missing.api.loader.GenerateCommand;

/**
 * The national missing-children intelligence service.
 *
 * <p>{@code java -jar api.jar} serves GraphQL and the ingest endpoint; {@code java -jar api.jar
 * load FILE...} pushes NDJSON files through the same ingest path without starting a web server;
 * {@code java -jar api.jar generate ...} writes invented national data to load; {@code java -jar
 * api.jar verify-audit} checks the audit trail's hash chain and exits 0 only when it is intact.
 */
// Boot's authorization-server set-up would make a signing key, a JwtDecoder and a login page even
// in production; the development issuer is configured by the service itself, only when enabled.
@SpringBootApplication(
    excludeName = {
      "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
      "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"
    })
@ConfigurationPropertiesScan("uk.police.missing")
public class MissingChildrenApplication {

  public static void main(String[] args) throws java.io.IOException {
    if (args.length > 0 && args[0].equals("load")) {
      int status;
      // Closing the context shuts the in-process Neo4j down cleanly before the JVM exits.
      try (var context = command(args)) {
        status = context.getBean(BulkLoader.class).run(loaderFiles(args));
      }
      System.exit(status);
    }
    if (args.length > 0 && args[0].equals("verify-audit")) {
      int status;
      try (var context = command(args)) {
        status = AuditVerifyCommand.run(context.getBean(AuditLog.class), System.out);
      }
      System.exit(status);
    }
    if (args.length > 0 && args[0].equals("generate")) {
      System.exit(GenerateCommand.run(Arrays.copyOfRange(args, 1, args.length)));
    }
    SpringApplication.run(MissingChildrenApplication.class, args);
  }

  /** The service without a web server, for a command run on the database's machine. */
  private static ConfigurableApplicationContext command(String[] args) {
    var app = new SpringApplication(MissingChildrenApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    // A command's output is its own; keep the framework's quiet.
    app.setDefaultProperties(
        java.util.Map.of("spring.main.banner-mode", "off", "logging.level.root", "WARN"));
    String[] options = Arrays.copyOfRange(args, 1, args.length);
    // A command needs no fixed Bolt port, and a fixed one would clash with a running service.
    if (Arrays.stream(options).noneMatch(a -> a.startsWith("--missing.embedded-neo4j.bolt-port"))) {
      options =
          java.util.stream.Stream.concat(
                  Arrays.stream(options),
                  java.util.stream.Stream.of("--missing.embedded-neo4j.bolt-port=0"))
              .toArray(String[]::new);
    }
    return app.run(options);
  }

  // Files are the arguments after "load" that are not Spring options (--name=value).
  private static String[] loaderFiles(String[] args) {
    return Arrays.stream(args, 1, args.length).filter(a -> !a.startsWith("--")).toArray(String[]::new);
  }
}
