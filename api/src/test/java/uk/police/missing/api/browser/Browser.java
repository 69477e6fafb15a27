package uk.police.missing.api.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium, driven through Debian's chromedriver, with a profile folder of its
 * own that is deleted on {@link #close()}. Both binaries are named explicitly: otherwise Selenium
 * Manager would try to download a browser and driver, and the network is closed here.
 */
public final class Browser implements AutoCloseable {

  /** Debian's; another browser or driver can be named with these system properties. */
  static final String CHROMIUM = System.getProperty("missing.test.chromium", "/usr/bin/chromium");

  static final String CHROMEDRIVER =
      System.getProperty("missing.test.chromedriver", "/usr/bin/chromedriver");

  /** Long enough for a cold page on a busy 2-core machine. */
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final Path profile;
  private final List<LogEntry> console = new ArrayList<>();

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Which binary is missing, or null when both are there. */
  static String missingBinaries() {
    List<String> missing = new ArrayList<>();
    for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(Path.of(binary))) {
        missing.add(binary);
      }
    }
    return missing.isEmpty() ? null : "no " + String.join(" or ", missing);
  }

  static Browser start() {
    Path profile;
    try {
      profile = Files.createTempDirectory("chromium-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        // Chromium's sandbox cannot run as root, as in CI containers.
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        // Nothing but the service under test: no updates, sync, or other calls home.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    // The page's console (errors, CSP violations, failed loads), read through chromedriver.
    var logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    var service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    try {
      return new Browser(new ChromeDriver(service, options), profile);
    } catch (RuntimeException e) {
      deleteQuietly(profile);
      throw e;
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  public WebElement find(String cssSelector) {
    return driver.findElement(By.cssSelector(cssSelector));
  }

  /** Runs {@code script} in the page (it should {@code return} its answer). */
  @SuppressWarnings("unchecked")
  public <T> T script(String script, Object... arguments) {
    return (T) ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /** Waits until {@code condition} holds (a truthy, non-null answer), and returns its answer. */
  public <T> T waitUntil(ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, WAIT).until(condition);
  }

  /** Waits until the script {@code script} returns true in the page. */
  public void waitForScript(String script, Object... arguments) {
    waitUntil(d -> Boolean.TRUE.equals(script(script, arguments)) ? Boolean.TRUE : null);
  }

  /** Every address the page has loaded so far: the page itself, then its resources and fetches. */
  public List<String> loadedUrls() {
    return script(
        "return performance.getEntriesByType('navigation').map(e => e.name)"
            + ".concat(performance.getEntriesByType('resource').map(e => e.name));");
  }

  /** The page's console since it was opened, every level. */
  public List<LogEntry> console() {
    console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
    return List.copyOf(console);
  }

  /** The console's errors: script errors, Content-Security-Policy refusals, failed loads. */
  public List<String> consoleErrors() {
    return console().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** A screenshot, the page source and the console, as {@code name.png}, {@code .html}, {@code .log}. */
  void keepEvidence(Path folder, String name) {
    try {
      Files.createDirectories(folder);
      Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
      Files.writeString(folder.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
      Files.write(
          folder.resolve(name + ".log"),
          console().stream().map(LogEntry::toString).toList(),
          StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      // Evidence is a help; its failure must not hide the test's own failure.
      System.err.println("could not keep browser evidence for " + name + ": " + e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete browser profile " + folder + ": " + e);
    }
  }
}
