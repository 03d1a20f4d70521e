package dev.hangar.lambda.invoke;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the invocation side runs functions, read from the environment (see {@link #fromEnvironment}). The keep-alive
 * and the async settings are AWS's behaviour and run on Hangar's clock (HANGAR_TIME_SCALE shortens them); the init
 * timeout and the log settle time measure real work and stay real time.
 *
 * @param variables          the environment it was read from, for the per-runtime image and client settings
 * @param keepAlive          how long an idle execution environment stays warm (Hangar's clock)
 * @param accountConcurrency concurrent executions per account and region
 * @param asyncRetryDelays   waits before the retries of an Event invocation that failed (AWS: 1 min, 2 min; Hangar's
 *                           clock, as are the throttle backoff and the event age)
 * @param asyncThrottleBackoff first wait before a throttled Event invocation is tried again; doubles up to the max
 * @param asyncThrottleBackoffMax longest wait between tries of a throttled Event invocation
 * @param asyncMaxEventAge   how long an Event invocation is kept trying before it is dropped (AWS: 6 h)
 * @param initTimeout        how long a runtime may take from container start to its first request for work, on
 *                           top of the function's own timeout (AWS retries a slow init within the invoke phase); real
 *                           time
 * @param runtimeClientsDir  a folder with python/bootstrap.py and nodejs/bootstrap.js to mount into images without a
 *                           runtime client; null = the copies packaged with Hangar
 * @param awsEndpointUrl     set as AWS_ENDPOINT_URL in functions so their SDK calls reach Hangar; null = not set
 * @param runtimeApiHost     the address functions reach their Runtime API listener at (AWS_LAMBDA_RUNTIME_API)
 * @param networkMode        the Docker network of function containers: "host" (they reach Hangar on 127.0.0.1) or a
 *                           named network shared with a containerised Hangar
 * @param logSettle          how long a function's output must stay quiet after its answer before END and REPORT are
 *                           written (the engine delivers output a little late; longer on a busy machine); real time
 */
public record InvokeConfig(
        Map<String, String> variables,
        Duration keepAlive,
        int accountConcurrency,
        List<Duration> asyncRetryDelays,
        Duration asyncThrottleBackoff,
        Duration asyncThrottleBackoffMax,
        Duration asyncMaxEventAge,
        Duration initTimeout,
        Path runtimeClientsDir,
        String awsEndpointUrl,
        String runtimeApiHost,
        String networkMode,
        Duration logSettle) {

    public static final String IMAGE_PREFIX = "HANGAR_LAMBDA_IMAGE_";
    public static final String CLIENT_PREFIX = "HANGAR_LAMBDA_RUNTIME_CLIENT_";

    private static final Pattern PYTHON = Pattern.compile("python(\\d+\\.\\d+)");
    private static final Pattern NODE = Pattern.compile("nodejs(\\d+)\\.x");
    private static final Pattern JAVA = Pattern.compile("java(\\d+)(\\.al2)?");
    private static final Pattern RUBY = Pattern.compile("ruby(\\d+\\.\\d+)");
    private static final Pattern DOTNET = Pattern.compile("dotnet(\\d+)");
    private static final Pattern PROVIDED = Pattern.compile("provided(?:\\.(al2|al2023))?");

    public InvokeConfig {
        variables = Map.copyOf(variables);
        asyncRetryDelays = List.copyOf(asyncRetryDelays);
    }

    public static InvokeConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * @throws IllegalArgumentException naming the variable and what it accepts, when one is malformed (Main prints
     *                                  it as one line and exits)
     */
    public static InvokeConfig fromEnvironment(Map<String, String> env) {
        checkRuntimeClientSettings(env);
        return new InvokeConfig(
                env,
                seconds(env, "HANGAR_LAMBDA_KEEP_ALIVE_SECONDS", 600, 0),
                (int) longValue(env, "HANGAR_LAMBDA_ACCOUNT_CONCURRENCY", 1000, 1, 1_000_000),
                secondsList(env, "HANGAR_LAMBDA_ASYNC_RETRY_DELAYS_SECONDS", "60,120"),
                seconds(env, "HANGAR_LAMBDA_ASYNC_THROTTLE_BACKOFF_SECONDS", 1, 0.001),
                Duration.ofSeconds(longValue(env, "HANGAR_LAMBDA_ASYNC_THROTTLE_BACKOFF_MAX_SECONDS", 300, 1,
                        MAX_SECONDS)),
                Duration.ofSeconds(longValue(env, "HANGAR_LAMBDA_ASYNC_MAX_EVENT_AGE_SECONDS", 21600, 1, MAX_SECONDS)),
                seconds(env, "HANGAR_LAMBDA_INIT_TIMEOUT_SECONDS", 10, 0.001),
                directory(env, "HANGAR_LAMBDA_RUNTIME_CLIENTS_DIR"),
                url(env, "HANGAR_LAMBDA_AWS_ENDPOINT_URL"),
                word(env, "HANGAR_LAMBDA_RUNTIME_API_HOST", "127.0.0.1", "a host name or an IP address"),
                word(env, "HANGAR_LAMBDA_DOCKER_NETWORK", "host", "a Docker network name (host, bridge, ...)"),
                Duration.ofMillis(longValue(env, "HANGAR_LAMBDA_LOG_SETTLE_MS", 30, 0, 60_000)));
    }

    /**
     * The same settings with some variables replaced: tests and the server's wiring start from the environment.
     * Re-reads everything from the variables, so apply {@link #withAwsEndpointUrl} after it.
     */
    public InvokeConfig with(Map<String, String> overrides) {
        Map<String, String> merged = new java.util.HashMap<>(variables);
        merged.putAll(overrides);
        return fromEnvironment(merged);
    }

    /** Functions' SDK calls go to Hangar at this URL (the server knows its port only once it listens). */
    public InvokeConfig withAwsEndpointUrl(String url) {
        return new InvokeConfig(variables, keepAlive, accountConcurrency, asyncRetryDelays, asyncThrottleBackoff,
                asyncThrottleBackoffMax, asyncMaxEventAge, initTimeout, runtimeClientsDir, url, runtimeApiHost,
                networkMode, logSettle);
    }

    /** HANGAR_LAMBDA_IMAGE_&lt;RUNTIME&gt; (python3.12 → PYTHON3_12), else AWS's public base image for it. */
    public String imageFor(String runtime) {
        String configured = blankToNull(variables.get(IMAGE_PREFIX + variableSuffix(runtime)));
        return configured != null ? configured : defaultImage(runtime);
    }

    /**
     * Whether the runtime's image brings its own runtime interface client as its entrypoint (AWS's base images do),
     * or is a plain language image into which Hangar mounts its own. HANGAR_LAMBDA_RUNTIME_CLIENT_&lt;RUNTIME&gt; =
     * image|hangar decides; without it, {@code fromImage} answers from the image's configuration (blocking: it may
     * pull and inspect the image) and is asked only then.
     */
    public boolean imageHasRuntimeClient(String runtime, String image, Predicate<String> fromImage) {
        Boolean configured = runtimeClientSetting(runtime);
        return configured != null ? configured : fromImage.test(image);
    }

    /** HANGAR_LAMBDA_RUNTIME_CLIENT_&lt;RUNTIME&gt;: true for "image", false for "hangar", null when not set. */
    public Boolean runtimeClientSetting(String runtime) {
        String configured = blankToNull(variables.get(CLIENT_PREFIX + variableSuffix(runtime)));
        return configured == null ? null : !configured.trim().equalsIgnoreCase("hangar");
    }

    /** Without the environment it was read from, which may hold secrets. */
    @Override
    public String toString() {
        return "InvokeConfig[keepAlive=" + keepAlive + ", accountConcurrency=" + accountConcurrency
                + ", asyncRetryDelays=" + asyncRetryDelays + ", initTimeout=" + initTimeout + ", networkMode="
                + networkMode + ", runtimeApiHost=" + runtimeApiHost + ", logSettle=" + logSettle + "]";
    }

    /** The runtime id as an environment variable name part: upper case, every other character '_'. */
    static String variableSuffix(String runtime) {
        StringBuilder out = new StringBuilder(runtime.length());
        for (char c : runtime.toUpperCase(Locale.ROOT).toCharArray()) {
            out.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
        }
        return out.toString();
    }

    static String defaultImage(String runtime) {
        String base = "public.ecr.aws/lambda/";
        Matcher m;
        if ((m = PYTHON.matcher(runtime)).matches()) {
            return base + "python:" + m.group(1);
        }
        if ((m = NODE.matcher(runtime)).matches()) {
            return base + "nodejs:" + m.group(1);
        }
        if ((m = JAVA.matcher(runtime)).matches()) {
            return base + "java:" + m.group(1);
        }
        if ((m = RUBY.matcher(runtime)).matches()) {
            return base + "ruby:" + m.group(1);
        }
        if ((m = DOTNET.matcher(runtime)).matches()) {
            return base + "dotnet:" + m.group(1);
        }
        if ((m = PROVIDED.matcher(runtime)).matches()) {
            return base + "provided:" + (m.group(1) == null ? "alami" : m.group(1));
        }
        return null;
    }

    /** A year: longer waits are surely a mistake (and would overflow the millisecond arithmetic much later). */
    private static final long MAX_SECONDS = 366L * 24 * 3600;

    /** HANGAR_LAMBDA_RUNTIME_CLIENT_&lt;RUNTIME&gt; says image or hangar; anything else used to mean image. */
    private static void checkRuntimeClientSettings(Map<String, String> env) {
        env.forEach((name, value) -> {
            if (name.startsWith(CLIENT_PREFIX) && blankToNull(value) != null
                    && !value.trim().equalsIgnoreCase("image") && !value.trim().equalsIgnoreCase("hangar")) {
                throw new IllegalArgumentException(name + " must be image or hangar, got '" + value + "'");
            }
        });
    }

    private static List<Duration> secondsList(Map<String, String> env, String name, String fallback) {
        String value = blankToNull(env.get(name)) == null ? fallback : env.get(name);
        List<Duration> out = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                out.add(Duration.ofMillis((long) (number(name, part.trim(),
                        "a comma-separated list of seconds (each 0 or more)", 0) * 1000)));
            }
        }
        return out;
    }

    private static Duration seconds(Map<String, String> env, String name, double fallback, double min) {
        String v = blankToNull(env.get(name));
        double value = v == null ? fallback : number(name, v.trim(), min == 0 ? "a number of seconds, 0 or more"
                : "a number of seconds above 0", min);
        return Duration.ofMillis((long) (value * 1000));
    }

    private static double number(String name, String value, String what, double min) {
        double parsed;
        try {
            parsed = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be " + what + ", got '" + value + "'");
        }
        if (Double.isNaN(parsed) || parsed < min || parsed > MAX_SECONDS) {
            throw new IllegalArgumentException(name + " must be " + what + " (at most " + MAX_SECONDS + "), got '"
                    + value + "'");
        }
        return parsed;
    }

    private static long longValue(Map<String, String> env, String name, long fallback, long min, long max) {
        String v = blankToNull(env.get(name));
        if (v == null) {
            return fallback;
        }
        String range = "a whole number from " + min + " to " + max;
        long parsed;
        try {
            parsed = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be " + range + ", got '" + v + "'");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(name + " must be " + range + ", got '" + v + "'");
        }
        return parsed;
    }

    private static Path directory(Map<String, String> env, String name) {
        String v = blankToNull(env.get(name));
        if (v == null) {
            return null;
        }
        Path path = Path.of(v.trim());
        if (!java.nio.file.Files.isDirectory(path)) {
            throw new IllegalArgumentException(name + " must be an existing folder laid out like lambda-runtimes/, got '"
                    + v + "'");
        }
        return path;
    }

    private static String url(Map<String, String> env, String name) {
        String v = blankToNull(env.get(name));
        if (v == null) {
            return null;
        }
        try {
            java.net.URI uri = new java.net.URI(v.trim());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return v.trim();
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be an http:// or https:// URL, got '" + v + "'");
    }

    private static String word(Map<String, String> env, String name, String fallback, String what) {
        String v = blankToNull(env.get(name));
        if (v == null) {
            return fallback;
        }
        if (!v.trim().matches("[A-Za-z0-9_.:%\\[\\]-]+")) {
            throw new IllegalArgumentException(name + " must be " + what + ", got '" + v + "'");
        }
        return v.trim();
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
