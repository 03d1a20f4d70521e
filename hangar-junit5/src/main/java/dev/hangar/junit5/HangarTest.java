package dev.hangar.junit5;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated test class against a real Hangar started in the test JVM (127.0.0.1, an ephemeral port, every
 * service Hangar implements): one for the whole class unless {@link #perMethod()} asks for one per test.
 * Test and lifecycle methods may declare {@code @HangarEndpoint URI}, {@link HangarInfo} and SDK v2 clients
 * ({@code EcsClient}, {@code LambdaClient}, {@code CloudWatchLogsClient}) as parameters; see {@link HangarExtension}.
 *
 * <pre>
 * &#64;HangarTest(resetBetweenTests = true)
 * class OrdersTest {
 *     &#64;Test
 *     void createsACluster(EcsClient ecs) {
 *         ecs.createCluster(b -&gt; b.clusterName("orders"));
 *     }
 * }
 * </pre>
 *
 * <p>A {@code @Nested} class shares its enclosing class's Hangar. For settings made in code, register a
 * {@link HangarExtension#builder()} extension in a field instead of using this annotation.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(HangarExtension.class)
public @interface HangarTest {

    /** A new Hangar for each test method (started before it, closed after it) instead of one for the class. */
    boolean perMethod() default false;

    /**
     * With one Hangar for the class: drop every resource (and remove this Hangar's containers) before each test
     * but the first, as {@code POST /_hangar/state/reset} does.
     */
    boolean resetBetweenTests() default false;

    /**
     * Hangar's settings, each {@code "NAME=value"} with a variable of docs/configuration.md
     * ({@code "HANGAR_LAMBDA_IMAGE_PYTHON3_12=my/python:3.12"}). Only these are read: the process environment is
     * not. HANGAR_HOST and HANGAR_PORT default to 127.0.0.1 and 0 here.
     */
    String[] env() default {};
}
