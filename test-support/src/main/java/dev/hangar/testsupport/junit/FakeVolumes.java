package dev.hangar.testsupport.junit;

import dev.hangar.runtime.VolumeSpec;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The fake engine's named volumes: those the runtime created, which removeAll takes, and the test's own. */
final class FakeVolumes {

    private final Map<String, VolumeSpec> present = new ConcurrentHashMap<>();
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    /** A volume the test declares, as one a user made: removeAll leaves it. */
    void declare(String name) {
        present.put(name, VolumeSpec.named(name, Map.of()));
    }

    boolean create(VolumeSpec spec) {
        if (present.putIfAbsent(spec.name(), spec) != null) {
            return false;
        }
        created.add(spec.name());
        return true;
    }

    boolean exists(String name) {
        return present.containsKey(name);
    }

    void remove(String name) {
        present.remove(name);
        created.remove(name);
    }

    void removeCreated() {
        present.keySet().removeAll(created);
        created.clear();
    }

    Map<String, VolumeSpec> snapshot() {
        return Map.copyOf(present);
    }
}
