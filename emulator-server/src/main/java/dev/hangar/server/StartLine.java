package dev.hangar.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the start line says: a URL a client can use, and how long the start took as the user waited for it.
 * The time counts from the JVM's own start (see {@link #sinceJvmStart}), so it includes the
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

    /**
     * Milliseconds since the JVM started. On Linux from /proc (the process's start and the system's uptime, both
     * counted from boot, to 10 ms), which spares the start the ~26 ms of loading java.management while the first
     * requests are being served; elsewhere, or if /proc says something implausible, the RuntimeMXBean's start time.
     */
    static long sinceJvmStart() {
        long fromProc = fromProc(Path.of("/proc/self/stat"), Path.of("/proc/uptime"));
        return fromProc >= 0 ? fromProc
                : System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** -1 when the files are missing or odd. Field 22 of stat is the start in clock ticks, USER_HZ = 100 on Linux. */
    static long fromProc(Path stat, Path uptime) {
        try {
            String line = Files.readString(stat);
            // the command name (field 2) may hold spaces and parentheses: count fields after its last ')'
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[19]);
            double upSeconds = Double.parseDouble(Files.readString(uptime).split(" ")[0]);
            long millis = Math.round(upSeconds * 1000) - startTicks * 10;
            return millis >= 0 && millis < 86_400_000L * 365 ? millis : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
