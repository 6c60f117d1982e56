package io.github.corsstarter.e2e;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks browser tests that need {@link HeadlessChromium}. Without Chromium they are
 * skipped, with a message that says how to install it; under CI ({@code CI=true}) they
 * fail instead, so that CI never passes without running them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ChromiumCondition.class)
public @interface RequiresChromium {

}
