package dev.hangar.server;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

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

    public static HangarConfig fromEnvironment(Map<String, String> env) {
        Function<String, String> get = name -> {
            String value = env.get(name);
            return value == null || value.isBlank() ? null : value.trim();
        };
        String account = or(get.apply("HANGAR_DEFAULT_ACCOUNT"), "000000000000");
        if (!account.matches("\\d{12}")) {
            throw new IllegalArgumentException("HANGAR_DEFAULT_ACCOUNT must be 12 digits, got '" + account + "'");
        }
        return new HangarConfig(
                or(get.apply("HANGAR_HOST"), "127.0.0.1"),
                integer(get, "HANGAR_PORT", 4566, 0, 65535),
                account,
                or(get.apply("HANGAR_DEFAULT_REGION"), "us-east-1"),
                integer(get, "HANGAR_MAX_REQUEST_BYTES", dev.hangar.core.http.HangarServer.DEFAULT_MAX_REQUEST_BYTES,
                        1024, Integer.MAX_VALUE),
                integer(get, "HANGAR_WORKER_THREADS", Math.max(8, Runtime.getRuntime().availableProcessors() * 4),
                        1, 1024),
                integer(get, "HANGAR_EVENT_LOOP_THREADS", 0, 0, 256),
                or(get.apply("HANGAR_LOG_LEVEL"), "INFO").toUpperCase(),
                get.apply("HANGAR_DATA_DIR") == null ? null : Path.of(get.apply("HANGAR_DATA_DIR")),
                get.apply("HANGAR_CDS_TRAINING") != null,
                timeScale(get.apply("HANGAR_TIME_SCALE")),
                Map.copyOf(env));
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
