package uk.police.missing.api.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class whose test methods may take a {@link Browser} parameter: a fresh headless Chromium
 * for each test, quit afterwards, with a screenshot and the page source kept under {@code
 * target/browser-screenshots/} when the test fails. Where Chromium or its driver is missing and
 * the build could not install them, the class is skipped with the reason (see {@link
 * BrowserExtension}). Tagged {@code browser}: {@code -DexcludedGroups=browser} leaves them out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("browser")
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {}
