package uk.police.missing.api.graphiql;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves our GraphiQL page at {@code /graphiql} and everything it loads under {@code /graphiql/}:
 * the page's own script and styles, and GraphiQL, React and ReactDOM from their WebJars. Spring
 * for GraphQL's page is not used: it loads its scripts from a public CDN (a blank page on a
 * closed network) and keeps request headers, the bearer token among them, in the browser's
 * storage.
 *
 * <p>On only with {@code missing.graphiql.enabled=true} (application.yaml; the production profile
 * turns it off), so in production neither the page nor its scripts are served. The security
 * configuration lets anyone GET these paths: they are static and hold no data, and the queries the
 * page sends need a token like any other.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty("missing.graphiql.enabled")
class GraphiqlConfiguration implements WebMvcConfigurer {

  static final String PAGE = "/graphiql";

  /**
   * Everything the page needs, and nothing from elsewhere. The page's script is a file, so no
   * inline script is allowed. GraphiQL's stylesheet carries its fonts and a few images as
   * {@code data:} URLs; the editor (CodeMirror) positions its parts through element styles set
   * from script, which {@code style-src} does not govern.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none';"
          + " frame-ancestors 'none'";

  private static final String WEBJARS = "classpath:/META-INF/resources/webjars/";

  @Bean
  RouterFunction<ServerResponse> graphiqlPage() {
    var page = new ClassPathResource("graphiql/index.html");
    return RouterFunctions.route()
        .GET(PAGE, request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).body(page))
        .build();
  }

  /**
   * Version-less paths for the WebJars, so the page does not change when they are upgraded in
   * the POM; only the UMD builds of React and ReactDOM are exposed.
   */
  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler(PAGE + "/lib/graphiql/**")
        .addResourceLocations(WEBJARS + "graphiql/" + webJarVersion("graphiql") + "/");
    registry
        .addResourceHandler(PAGE + "/lib/react/**")
        .addResourceLocations(WEBJARS + "react/" + webJarVersion("react") + "/umd/");
    registry
        .addResourceHandler(PAGE + "/lib/react-dom/**")
        .addResourceLocations(WEBJARS + "react-dom/" + webJarVersion("react-dom") + "/umd/");
    registry.addResourceHandler(PAGE + "/**").addResourceLocations("classpath:/graphiql/");
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new ContentSecurityPolicy()).addPathPatterns(PAGE, PAGE + "/**");
  }

  /** The version of an npm WebJar on the classpath, from the Maven metadata inside its jar. */
  static String webJarVersion(String artifact) {
    var metadata = new ClassPathResource("META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties");
    if (!metadata.exists()) {
      throw new IllegalStateException(
          "GraphiQL needs the WebJar org.webjars.npm:" + artifact + " on the classpath");
    }
    try (InputStream in = metadata.getInputStream()) {
      var properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets the policy on the page and on every file it loads. */
  private static final class ContentSecurityPolicy implements HandlerInterceptor {
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
      response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      // The page's address never travels to anyone else; it holds no token anyway.
      response.setHeader("Referrer-Policy", "no-referrer");
      return true;
    }
  }
}
