package dev.hangar.server;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every setting Hangar reads, each from one environment variable (documented in docs/configuration.md).
 * A malformed value stops Hangar at start with a message naming the variable, rather than being ignored.
 *
 * @param dataDirectory where function code is unpacked; null = a temporary folder removed at shutdown
 * @param cdsTraining   HANGAR_CDS_TRAINING: serve a few requests to itself and exit (scripts/start.sh's archive run)
 * @param timeScale     HANGAR_TIME_SCALE: Hangar's own timers (and the timestamps it reports) run this many times
 *                      faster than the wall clock
 * @param environment   the whole environment, for services' own settings (HANGAR_LAMBDA_*)
 */
public record HangarConfig(
        String host,
        int port,
        String defaultAccount,
        String defaultRegion,
        int maxRequestBytes,
        int workerThreads,
        int eventLoopThreads,
        String logLevel,
        Path dataDirectory,
        boolean cdsTraining,
        double timeScale,
        Map<String, String> environment) {

    /** The levels HANGAR_LOG_LEVEL accepts, as logback names them. */
    public static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+");
    /** A DNS name or an IPv4 address, or an IPv6 address (whether it exists is the bind's to say). */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.%a-z]*");
    private static final Pattern DOCKER_HOST = Pattern.compile("unix:///.+|tcp://(\\[[0-9A-Fa-f:]+\\]|[^/:\\s\\[\\]]+):\\d{1,5}/?|npipe://.+");

    public static HangarConfig fromEnvironment(Map<String, String> env) {
        Function<String, String> get = name -> {
            String value = env.get(name);
            return value == null || value.isBlank() ? null : value.trim();
        };
        String account = or(get.apply("HANGAR_DEFAULT_ACCOUNT"), "000000000000");
        if (!account.matches("\\d{12}")) {
            throw new IllegalArgumentException("HANGAR_DEFAULT_ACCOUNT must be 12 digits, got '" + account + "'");
        }
        String region = or(get.apply("HANGAR_DEFAULT_REGION"), "us-east-1");
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("HANGAR_DEFAULT_REGION must be a region name like us-east-1 "
                    + "(lower-case letters and digits joined by '-'), got '" + region + "'");
        }
        String host = or(get.apply("HANGAR_HOST"), "127.0.0.1");
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("HANGAR_HOST must be a host name or an IP address (127.0.0.1, "
                    + "0.0.0.0, localhost, ...), got '" + host + "'");
        }
        dockerHost(get.apply("DOCKER_HOST"));
        return new HangarConfig(
                host,
                integer(get, "HANGAR_PORT", 4566, 0, 65535),
                account,
                region,
                integer(get, "HANGAR_MAX_REQUEST_BYTES", dev.hangar.core.http.HangarServer.DEFAULT_MAX_REQUEST_BYTES,
                        1024, Integer.MAX_VALUE),
                integer(get, "HANGAR_WORKER_THREADS", Math.max(8, Runtime.getRuntime().availableProcessors() * 4),
                        1, 1024),
                integer(get, "HANGAR_EVENT_LOOP_THREADS", 0, 0, 256),
                logLevel(get.apply("HANGAR_LOG_LEVEL")),
                dataDirectory(get.apply("HANGAR_DATA_DIR")),
                get.apply("HANGAR_CDS_TRAINING") != null,
                timeScale(get.apply("HANGAR_TIME_SCALE")),
                Map.copyOf(env));
    }

    /**
     * Logback's own parsing turns any word it does not know into DEBUG ("LOUD" meant DEBUG): only its level names
     * are accepted.
     */
    private static String logLevel(String value) {
        if (value == null) {
            return "INFO";
        }
        String level = value.toUpperCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            throw new IllegalArgumentException("HANGAR_LOG_LEVEL must be one of " + String.join(", ", LOG_LEVELS)
                    + ", got '" + value + "'");
        }
        return level;
    }

    /**
     * The schemes the Docker client understands, each with somewhere to go. Only the form is checked here: an engine
     * that is not there is reported by health, and Hangar still starts without it.
     */
    private static void dockerHost(String value) {
        if (value != null && !DOCKER_HOST.matcher(value).matches()) {
            throw new IllegalArgumentException("DOCKER_HOST must be unix:///path/to/docker.sock, tcp://host:port or "
                    + "npipe:////./pipe/name, got '" + value + "'");
        }
    }

    /**
     * A folder Hangar can write in, or one it can make: a file of that name, or a folder it may not write, would
     * otherwise fail the first CreateFunction (or the start) with a file system exception.
     */
    private static Path dataDirectory(String value) {
        if (value == null) {
            return null;
        }
        Path path;
        try {
            path = Path.of(value).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("HANGAR_DATA_DIR must be a folder path, got '" + value + "'");
        }
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new IllegalArgumentException("HANGAR_DATA_DIR must be a folder (or a path one can be made at), but "
                    + existing + " is a file, got '" + value + "'");
        }
        if (!Files.isWritable(existing) || !Files.isExecutable(existing)) {
            throw new IllegalArgumentException("HANGAR_DATA_DIR must be a folder Hangar may write in, but " + existing
                    + " is not writable, got '" + value + "'");
        }
        return path;
    }

    private static double timeScale(String value) {
        if (value == null) {
            return 1;
        }
        double scale;
        try {
            scale = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("HANGAR_TIME_SCALE must be a number, got '" + value + "'");
        }
        if (Double.isNaN(scale) || scale < 1 || scale > 3600) {
            throw new IllegalArgumentException("HANGAR_TIME_SCALE must be between 1 and 3600, got " + value);
        }
        return scale;
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static int integer(Function<String, String> get, String name, int fallback, int min, int max) {
        String value = get.apply(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }
}
