package dev.hangar.server;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * What the start line says: a URL a client can use, and how long the start took as the user waited for it.
 * The time counts from the JVM's own start (its RuntimeMXBean start time, in milliseconds), so it includes the
 * JVM's boot, class loading and logging set-up before {@link Hangar#start}: what {@code time java -jar} sees up to
 * the line, less the launcher's few milliseconds.
 */
final class StartLine {

    private StartLine() {
    }

    /**
     * A wildcard address (0.0.0.0, ::) is not one a client can connect to: the loopback URL with the port is, and the
     * line says that every interface listens.
     */
    static String where(String configuredHost, URI endpoint) {
        if (!isWildcard(configuredHost)) {
            return endpoint.toString();
        }
        return "http://127.0.0.1:" + endpoint.getPort() + " (all interfaces, HANGAR_HOST=" + configuredHost + ")";
    }

    static boolean isWildcard(String host) {
        try {
            return InetAddress.getByName(host).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Milliseconds since the JVM started. */
    static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
