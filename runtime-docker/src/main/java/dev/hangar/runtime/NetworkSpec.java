package dev.hangar.runtime;

import java.util.Map;

/**
 * A user-defined bridge network: what to create, and what the engine reports of one that exists.
 *
 * @param subnet  CIDR, e.g. 172.31.0.0/16
 * @param gateway the bridge's own address on the engine's host (where the host, or Hangar, is reached from containers)
 * @param labels  extra labels; the runtime adds hangar.managed=true
 */
public record NetworkSpec(String name, String subnet, String gateway, Map<String, String> labels) {

    /** A network orphan reaping leaves even when unused: one Hangar listens on (its gateway address). */
    public static final String KEEP_LABEL = "hangar.network.keep";

    public NetworkSpec {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
