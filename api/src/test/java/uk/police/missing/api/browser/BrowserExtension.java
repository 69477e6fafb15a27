package uk.police.missing.api.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * Gives each test its own {@link Browser} and quits it after the test, keeping a screenshot and
 * the page source first if the test failed.
 *
 * <p>The build installs Chromium before the tests where it can ({@code
 * src/test/browser/install-chromium.sh}); where it could not, it wrote why to {@code
 * target/browser/unavailable.txt}. Each browser test is then skipped by an assumption carrying
 * that reason: reported as skipped and saying why, never passing silently, never failing for the
 * lack of a browser. The assumption is made before the test's instance is made, so no Spring
 * context starts for nothing; made once for the whole class instead, Surefire would report no
 * tests at all.
 */
public final class BrowserExtension
    implements TestInstancePreConstructCallback, ParameterResolver, AfterEachCallback {

  /** Surefire runs in the module's folder. */
  static final Path TARGET = Path.of("target");

  static final Path EVIDENCE = TARGET.resolve("browser-screenshots");

  private static final Path UNAVAILABLE = TARGET.resolve("browser").resolve("unavailable.txt");

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BrowserExtension.class);

  @Override
  public void preConstructTestInstance(TestInstanceFactoryContext factory, ExtensionContext context) {
    String missing = Browser.missingBinaries();
    Assumptions.assumeTrue(missing == null, () -> "browser tests skipped: " + reason(missing));
  }

  private static String reason(String missing) {
    if (Files.isRegularFile(UNAVAILABLE)) {
      try {
        return Files.readString(UNAVAILABLE, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return missing
        + " (the build installs them with src/test/browser/install-chromium.sh, as root, when it"
        + " can)";
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NAMESPACE).computeIfAbsent(Browser.class, type -> Browser.start(), Browser.class);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Browser browser = context.getStore(NAMESPACE).remove(Browser.class, Browser.class);
    if (browser == null) {
      return;
    }
    try {
      if (context.getExecutionException().isPresent()) {
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        browser.keepEvidence(EVIDENCE, name);
      }
    } finally {
      browser.close();
    }
  }
}
