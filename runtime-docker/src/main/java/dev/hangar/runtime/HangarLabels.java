package dev.hangar.runtime;

import java.time.Instant;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * The labels that mark a container as Hangar's. {@code hangar.owner} names the process that created it
 * (host:pid:startMillis), so that the orphan reaper can spare the containers of another Hangar that is still alive
 * on the same engine (parallel test JVMs, two developers' builds).
 */
public final class HangarLabels {

    public static final String MANAGED = "hangar.managed";
    public static final String INSTANCE = "hangar.instance";
    public static final String OWNER = "hangar.owner";
    public static final String RESOURCE = "hangar.resource";

    private HangarLabels() {
    }

    /** The caller's labels plus Hangar's own, which always win. */
    static Map<String, String> forContainer(Map<String, String> requested, String instanceId) {
        Map<String, String> labels = new HashMap<>(requested == null ? Map.of() : requested);
        labels.put(MANAGED, "true");
        labels.put(INSTANCE, instanceId);
        labels.put(OWNER, ProcessOwner.current().label());
        return labels;
    }

    /** The process that runs this Hangar, as written into and read back from the owner label. */
    record ProcessOwner(String host, long pid, long startMillis) {

        private static final ProcessOwner CURRENT = of(ProcessHandle.current(), hostName());

        static ProcessOwner of(ProcessHandle process, String host) {
            return new ProcessOwner(host, process.pid(), startMillis(process));
        }

        /** 0 when the OS does not say; the reaper then trusts the pid alone. */
        static long startMillis(ProcessHandle process) {
            return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        }

        static ProcessOwner current() {
            return CURRENT;
        }

        String label() {
            return host + ":" + pid + ":" + startMillis;
        }

        /** Null when the label is absent or not ours to read (written by a differently built Hangar). */
        static ProcessOwner parse(String label) {
            if (label == null) {
                return null;
            }
            String[] parts = label.split(":");
            if (parts.length != 3) {
                return null;
            }
            try {
                return new ProcessOwner(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static String hostName() {
            String env = System.getenv("HOSTNAME");
            if (env != null && !env.isBlank()) {
                return env;
            }
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                return "unknown";
            }
        }
    }
}
