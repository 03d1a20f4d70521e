package dev.hangar.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link java.net.URI} parameter of a test or lifecycle method that {@link HangarExtension} fills with the
 * running Hangar's endpoint, {@code http://127.0.0.1:<port>}: {@code void test(@HangarEndpoint URI endpoint)}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HangarEndpoint {
}
