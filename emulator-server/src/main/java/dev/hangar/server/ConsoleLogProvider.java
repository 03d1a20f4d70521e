package dev.hangar.server;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hangar's logging backend for SLF4J (found through META-INF/services): lines like
 * {@code 12:00:00.000 INFO  Hangar - ...} on stdout ({@link LogLine}); INFO, Hangar's own loggers at
 * {@code HANGAR_LOG_LEVEL} (set by Main), and WARN for the chatty libraries. It replaces logback, whose set-up
 * (service and annotation scans, status machinery, java.time formatters, ~80 classes from the jar) cost a start
 * ~180 ms of CPU for the same lines.
 */
public final class ConsoleLogProvider implements SLF4JServiceProvider, ILoggerFactory {

    /** The SLF4J API version this provider is written against. */
    public static final String REQUESTED_API_VERSION = "2.0.99";

    /** The level of a group of loggers, changeable while they exist. */
    static final class Threshold {
        volatile int level;

        Threshold(Level level) {
            this.level = level.toInt();
        }
    }

    private static final Threshold HANGAR = new Threshold(Level.INFO);
    private static final Threshold LIBRARIES = new Threshold(Level.WARN);
    private static final Threshold ROOT = new Threshold(Level.INFO);
    private static final String[] QUIET_LIBRARIES = {"com.github.dockerjava", "org.apache.hc", "io.netty"};

    private final ConcurrentHashMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /**
     * Sets the level of Hangar's own loggers (dev.hangar.*): TRACE, DEBUG, INFO, WARN, ERROR or OFF; anything else
     * means DEBUG, as logback read it.
     */
    static void setHangarLevel(String level) {
        String wanted = level.toUpperCase(Locale.ROOT);
        HANGAR.level = switch (wanted) {
            case "ALL", "TRACE" -> Level.TRACE.toInt();
            case "INFO" -> Level.INFO.toInt();
            case "WARN" -> Level.WARN.toInt();
            case "ERROR" -> Level.ERROR.toInt();
            case "OFF" -> Integer.MAX_VALUE;
            default -> Level.DEBUG.toInt();
        };
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new ConsoleLogger(n, thresholdOf(n)));
    }

    private static Threshold thresholdOf(String name) {
        if (within(name, "dev.hangar")) {
            return HANGAR;
        }
        for (String library : QUIET_LIBRARIES) {
            if (within(name, library)) {
                return LIBRARIES;
            }
        }
        return ROOT;
    }

    private static boolean within(String name, String prefix) {
        return name.startsWith(prefix) && (name.length() == prefix.length() || name.charAt(prefix.length()) == '.');
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return this;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return REQUESTED_API_VERSION;
    }

    @Override
    public void initialize() {
    }
}
