package dev.hangar.junit5;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the real Hangar in the test JVM, on 127.0.0.1 and an ephemeral port, with every service it implements
 * (ECS, Lambda, CloudWatch Logs) and the local Docker engine for tasks and functions; closes it, and removes its
 * containers, when the class or test ends.
 *
 * <p>Three ways to register it:
 * <ul>
 *   <li>{@link HangarTest @HangarTest} on the class: settings from the annotation.</li>
 *   <li>A static field: one Hangar for the class.
 *   <pre>
 *   &#64;RegisterExtension
 *   static final HangarExtension hangar = HangarExtension.builder()
 *           .env("HANGAR_LAMBDA_IMAGE_PYTHON3_12", "my/python:3.12").resetBetweenTests().build();
 *   </pre></li>
 *   <li>An instance field ({@code @RegisterExtension final HangarExtension hangar = HangarExtension.builder().build();}):
 *   a new Hangar for each test.</li>
 * </ul>
 *
 * <p>Test, {@code @BeforeEach}/{@code @AfterEach} (and, with one Hangar per class, {@code @BeforeAll}) methods can
 * declare these parameters:
 * <ul>
 *   <li>{@code @HangarEndpoint URI}: {@code http://127.0.0.1:<port>};</li>
 *   <li>{@link HangarInfo}: endpoint, region, account and credentials, for clients made by hand;</li>
 *   <li>{@code EcsClient}, {@code LambdaClient}, {@code CloudWatchLogsClient}: synchronous SDK v2 clients pointed
 *   at it (region us-east-1, static credentials test/test, the SDK's default HTTP client), one of each per
 *   Hangar, closed with it.</li>
 * </ul>
 *
 * <p>Hangar logs through SLF4J, to whichever binding the tests have (logger names {@code dev.hangar.*}).
 */
public final class HangarExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HangarExtension.class);
    private static final String KEY = "hangar";

    /** Null when registered by {@code @HangarTest}/{@code @ExtendWith}: the annotation's settings then apply. */
    private final Settings configured;
    /** The Hangar this instance started last, for {@link #endpoint()} and the like; null when none runs. */
    private volatile RunningHangar current;

    /**
     * The extension {@code @HangarTest} and {@code @ExtendWith(HangarExtension.class)} register: the settings of
     * the class's {@link HangarTest} annotation, or the defaults without one. In code, use {@link #builder()}.
     */
    public HangarExtension() {
        this(null);
    }

    private HangarExtension(Settings configured) {
        this.configured = configured;
    }

    /** Settings in code, for a {@code @RegisterExtension} field. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- JUnit ----

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!settings(context).perMethod() && running(context).isEmpty()) {
            start(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Optional<RunningHangar> running = running(context);
        if (running.isEmpty()) {
            start(context);
        } else if (settings(context).resetBetweenTests() && running.get().testStarting() > 0) {
            running.get().reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stop(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == URI.class && parameter.isAnnotated(HangarEndpoint.class)
                || type == HangarInfo.class
                || ServiceClients.TYPES.contains(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningHangar hangar = running(context).orElseThrow(() -> new ParameterResolutionException(
                "no Hangar runs for " + parameter.getDeclaringExecutable().getName() + "'s parameter "
                        + parameter.getParameter().getType().getSimpleName() + ": with one Hangar per test, only "
                        + "test methods and @BeforeEach/@AfterEach methods can have Hangar's parameters"));
        Class<?> type = parameter.getParameter().getType();
        if (type == URI.class) {
            return hangar.info().endpoint();
        }
        if (type == HangarInfo.class) {
            return hangar.info();
        }
        return hangar.client(type);
    }

    // ---- for a @RegisterExtension field ----

    /** The running Hangar's endpoint, {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return current().info().endpoint();
    }

    /** Where the running Hangar is and how to call it. */
    public HangarInfo info() {
        return current().info();
    }

    /**
     * The running Hangar's client of that type ({@code EcsClient.class}, {@code LambdaClient.class},
     * {@code CloudWatchLogsClient.class}), the one parameters get.
     */
    public <C> C client(Class<C> type) {
        return current().client(type);
    }

    /** Drops every resource of the running Hangar and removes its containers ({@code POST /_hangar/state/reset}). */
    public void reset() {
        current().reset();
    }

    // ----

    private void start(ExtensionContext context) {
        RunningHangar started = RunningHangar.start(settings(context));
        // the store closes it too if JUnit never calls afterAll/afterEach (a failed beforeAll of another extension)
        context.getStore(NAMESPACE).put(KEY, started);
        current = started;
    }

    /** Closes the Hangar started for exactly this context (a test's own, or the class's), if any. */
    private void stop(ExtensionContext context) {
        RunningHangar started = context.getStore(NAMESPACE).remove(KEY, RunningHangar.class);
        if (started != null) {
            if (current == started) {
                current = null;
            }
            started.close();
        }
    }

    /** The Hangar of this context or of one around it (a @Nested class shares its enclosing class's). */
    private static Optional<RunningHangar> running(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(KEY, RunningHangar.class));
    }

    private Settings settings(ExtensionContext context) {
        if (configured != null) {
            return configured;
        }
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            Optional<HangarTest> annotation = AnnotationSupport.findAnnotation(type, HangarTest.class);
            if (annotation.isPresent()) {
                return Settings.of(annotation.get());
            }
        }
        return Settings.DEFAULTS;
    }

    private RunningHangar current() {
        RunningHangar running = current;
        if (running == null) {
            throw new IllegalStateException("no Hangar is running: register the extension with @RegisterExtension"
                    + " (a static field: per class; an instance field: per test) and use it from a test");
        }
        return running;
    }

    /** What a {@link HangarExtension} starts; each {@link #build()} gives an extension of its own. */
    public static final class Builder {
        private final Map<String, String> environment = new LinkedHashMap<>();
        private boolean perMethod;
        private boolean resetBetweenTests;

        private Builder() {
        }

        /**
         * A setting of docs/configuration.md ({@code env("HANGAR_LAMBDA_KEEP_ALIVE_SECONDS", "5")}). Only settings
         * given here are read, never the process environment; a malformed one fails the start with its name.
         */
        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** Several settings at once. */
        public Builder env(Map<String, String> settings) {
            environment.putAll(settings);
            return this;
        }

        /** A new Hangar for each test even in a static field (an instance field always gets one per test). */
        public Builder perMethod() {
            this.perMethod = true;
            return this;
        }

        /** With one Hangar for the class: drop every resource and container before each test but the first. */
        public Builder resetBetweenTests() {
            this.resetBetweenTests = true;
            return this;
        }

        /** An extension with these settings; the builder can go on to make others. */
        public HangarExtension build() {
            return new HangarExtension(new Settings(environment, perMethod, resetBetweenTests));
        }
    }
}
