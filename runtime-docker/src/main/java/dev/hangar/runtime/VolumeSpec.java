package dev.hangar.runtime;

import java.util.Map;

/**
 * A named volume of the engine. The runtime adds hangar.managed and hangar.instance to its labels, so that the
 * admin reset removes what this Hangar created and nothing else.
 *
 * @param driver null = the engine's "local" driver
 */
public record VolumeSpec(String name, String driver, Map<String, String> driverOpts, Map<String, String> labels) {

    public VolumeSpec {
        driverOpts = driverOpts == null ? Map.of() : Map.copyOf(driverOpts);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public static VolumeSpec named(String name, Map<String, String> labels) {
        return new VolumeSpec(name, null, Map.of(), labels);
    }
}
