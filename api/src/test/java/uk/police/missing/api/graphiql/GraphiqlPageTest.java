package uk.police.missing.api.graphiql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.police.missing.api.ApiTest;
import uk.police.missing.api.browser.Browser;
import uk.police.missing.api.browser.BrowserTest;

/**
 * GraphiQL in a real browser (headless Chromium), under the page's Content-Security-Policy: it
 * loads from the service alone, runs queries with the token and purpose typed into the page, shows
 * a refusal without them, and leaves the token nowhere the browser keeps.
 */
@BrowserTest
class GraphiqlPageTest extends ApiTest {

  private static final String FORCES = "{ forces { code } }";

  @LocalServerPort private int port;

  @Test
  void loadsOnlyFromTheServiceItselfWithNoConsoleErrors(Browser browser) {
    open(browser);

    List<String> urls = browser.loadedUrls();
    assertThat(urls)
        .contains(
            origin() + "/graphiql",
            origin() + "/graphiql/lib/react/react.production.min.js",
            origin() + "/graphiql/lib/react-dom/react-dom.production.min.js",
            origin() + "/graphiql/lib/graphiql/graphiql.min.js",
            origin() + "/graphiql/lib/graphiql/graphiql.min.css",
            origin() + "/graphiql/page.js");
    // GraphiQL's fonts are data: URLs inside its stylesheet; nothing goes anywhere else.
    assertThat(urls).allSatisfy(url -> assertThat(url).satisfiesAnyOf(
        u -> assertThat(u).startsWith(origin() + "/"), u -> assertThat(u).startsWith("data:")));
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void runsAQueryWithTheTokenAndPurposeTypedIntoThePage(Browser browser) {
    String token = token("analyst");
    open(browser);

    browser.find("#token").sendKeys(token);
    browser.find("#purpose").sendKeys(PURPOSE);
    browser.find("#use").click();
    String result = run(browser, FORCES, "\"GMP\"");

    assertThat(result).contains("\"forces\"").contains("\"code\": \"WMP\"").doesNotContain("errors");
    assertThat(browser.find("#status").getText()).startsWith("Token in use").contains(PURPOSE);
    assertThat(documentation(browser)).contains("Query");
    assertThat(browser.consoleErrors()).isEmpty();
    assertThat(whereTheBrowserKeepsThings(browser)).noneMatch(kept -> kept.contains(token));
    assertThat(whereTheBrowserKeepsThings(browser)).noneMatch(kept -> kept.contains("graphiql:"));
    assertThat(browser.driver().getCurrentUrl()).isEqualTo(origin() + "/graphiql");
    assertThat(browser.find("#token").getDomProperty("value")).isEmpty();
  }

  @Test
  void aQueryWithoutATokenShowsTheRefusal(Browser browser) {
    open(browser);

    String result = run(browser, FORCES, "401");

    assertThat(result).contains("\"status\": 401").contains("Unauthorized").doesNotContain("\"forces\"");
    // The browser reports the refused request itself; nothing else went wrong.
    assertThat(browser.consoleErrors()).singleElement().asString().contains("/graphql").contains("401");
  }

  private void open(Browser browser) {
    browser.open(origin() + "/graphiql");
    browser.waitForScript("return !!document.querySelector('.graphiql-query-editor .CodeMirror');");
  }

  /** Puts {@code query} in the editor, runs it, and returns the result once it holds {@code expected}. */
  private static String run(Browser browser, String query, String expected) {
    browser.script(
        "document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(arguments[0]);",
        query);
    browser.find(".graphiql-execute-button").click();
    String result = "return document.querySelector('.graphiql-response .CodeMirror').CodeMirror.getValue();";
    browser.waitUntil(d -> String.valueOf((Object) browser.script(result)).contains(expected) ? true : null);
    return browser.script(result);
  }

  /** The documentation pane, which needs the schema, loaded once a token is in use. */
  private static String documentation(Browser browser) {
    browser.find(".graphiql-sidebar button[aria-label='Show Documentation Explorer']").click();
    browser.waitForScript("return !!document.querySelector('.graphiql-doc-explorer-root-type');");
    return browser.find(".graphiql-doc-explorer").getText();
  }

  /** Every key and value of local and session storage, and the cookies. */
  private static List<String> whereTheBrowserKeepsThings(Browser browser) {
    return browser.script(
        """
        const kept = [document.cookie];
        for (const storage of [localStorage, sessionStorage]) {
          for (let i = 0; i < storage.length; i++) {
            const key = storage.key(i);
            kept.push(key + '=' + storage.getItem(key));
          }
        }
        return kept;
        """);
  }

  private String origin() {
    return "http://localhost:" + port;
  }
}
