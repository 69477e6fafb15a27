package uk.police.missing.api.graphiql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.police.missing.api.ApiTest;

/**
 * Over plain HTTP: our GraphiQL page replaces Spring for GraphQL's, and it and every file it
 * loads come from the jar (byte for byte the WebJars' files and our own), each with the strict
 * Content-Security-Policy, open to GET without a token and to nothing more.
 */
class GraphiqlServedFromJarTest extends ApiTest {

  private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

  @Test
  void thePageAndEveryFileItLoadsComeFromTheJarWithTheContentSecurityPolicy() {
    ResponseEntity<byte[]> page = get("/graphiql");

    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getHeaders().getContentType()).isNotNull();
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getHeaders().getFirst("Content-Security-Policy"))
        .isEqualTo(GraphiqlConfiguration.CONTENT_SECURITY_POLICY)
        .contains("script-src 'self';")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval")
        .doesNotContain("http");
    assertThat(page.getBody()).isEqualTo(bytes("graphiql/index.html"));

    List<String> files = references(new String(page.getBody()));
    assertThat(files)
        .containsExactly(
            "graphiql/lib/graphiql/graphiql.min.css",
            "graphiql/page.css",
            "graphiql/lib/react/react.production.min.js",
            "graphiql/lib/react-dom/react-dom.production.min.js",
            "graphiql/lib/graphiql/graphiql.min.js",
            "graphiql/page.js");
    for (String file : files) {
      ResponseEntity<byte[]> response = get("/" + file);

      assertThat(response.getStatusCode().value()).as(file).isEqualTo(200);
      assertThat(response.getHeaders().getFirst("Content-Security-Policy"))
          .as(file)
          .isEqualTo(GraphiqlConfiguration.CONTENT_SECURITY_POLICY);
      assertThat(response.getBody()).as(file).isEqualTo(bytes(inTheJar(file)));
    }
  }

  @Test
  void thePageRunsNoInlineScriptOrStyle() {
    String page = new String(get("/graphiql").getBody());

    assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)").matcher(page).find()).isFalse();
    assertThat(page).doesNotContain("<style").doesNotContain(" style=");
    assertThat(Pattern.compile("\\son[a-z]+=").matcher(page).find()).isFalse();
  }

  @Test
  void springForGraphQlsOwnPageIsOff() {
    String page = new String(get("/graphiql?path=/graphql").getBody());

    // Spring's page loads GraphiQL from esm.sh; ours names no other host.
    assertThat(page).doesNotContain("esm.sh").doesNotContain("unpkg").doesNotContain("jsdelivr");
    assertThat(references(page)).noneMatch(reference -> reference.contains("//"));
  }

  @Test
  void onlyGettingThePageAndItsFilesIsOpenWithoutAToken() {
    var post = http().post().uri("/graphiql").retrieve().onStatus(s -> true, (q, r) -> {}).toBodilessEntity();
    String graphiqlVersion = GraphiqlConfiguration.webJarVersion("graphiql");

    assertThat(post.getStatusCode().value()).isEqualTo(401);
    // Boot's own /webjars/ path is not opened by the page's rule.
    assertThat(get("/webjars/graphiql/" + graphiqlVersion + "/graphiql.min.js").getStatusCode().value())
        .isEqualTo(401);
    // Of React, only the UMD builds are served.
    assertThat(get("/graphiql/lib/react/cjs/react.production.min.js").getStatusCode().value()).isEqualTo(404);
  }

  /** The classpath location a page's reference is served from. */
  private static String inTheJar(String reference) {
    String webjars = "META-INF/resources/webjars/";
    for (String library : List.of("react-dom", "react", "graphiql")) {
      String prefix = "graphiql/lib/" + library + "/";
      if (reference.startsWith(prefix)) {
        String folder = library.startsWith("react") ? "/umd/" : "/";
        return webjars + library + "/" + GraphiqlConfiguration.webJarVersion(library) + folder
            + reference.substring(prefix.length());
      }
    }
    return reference;
  }

  private static List<String> references(String page) {
    List<String> references = new ArrayList<>();
    var matcher = REFERENCE.matcher(page);
    while (matcher.find()) {
      // data: URLs (the empty icon) are part of the page, not fetched.
      if (!matcher.group(1).startsWith("data:")) {
        references.add(matcher.group(1));
      }
    }
    return references;
  }

  private ResponseEntity<byte[]> get(String path) {
    return http().get().uri(path).retrieve().onStatus(s -> true, (q, r) -> {}).toEntity(byte[].class);
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
