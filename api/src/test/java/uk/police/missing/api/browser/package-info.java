/**
 * Browser tests: headless Debian Chromium driven by Selenium against the running service. A test
 * class marked {@link uk.police.missing.api.browser.BrowserTest} gets a fresh {@link
 * uk.police.missing.api.browser.Browser} per test, evidence of a failure under {@code
 * target/browser-screenshots/}, and is skipped, with the reason, where no browser can be had.
 */
package uk.police.missing.api.browser;
