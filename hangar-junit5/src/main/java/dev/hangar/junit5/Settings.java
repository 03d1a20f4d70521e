package dev.hangar.junit5;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a {@link HangarExtension} starts: Hangar's settings, and when it starts and resets one. */
record Settings(Map<String, String> environment, boolean perMethod, boolean resetBetweenTests) {

    static final Settings DEFAULTS = new Settings(Map.of(), false, false);

    Settings {
        environment = Map.copyOf(environment);
    }

    static Settings of(HangarTest annotation) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : annotation.env()) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("@HangarTest env entry '" + entry + "' is not NAME=value");
            }
            env.put(entry.substring(0, eq).trim(), entry.substring(eq + 1));
        }
        return new Settings(env, annotation.perMethod(), annotation.resetBetweenTests());
    }

    /** The environment Hangar reads: an in-process Hangar listens on the loopback, on a port of its own. */
    Map<String, String> hangarEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HANGAR_HOST", "127.0.0.1");
        env.put("HANGAR_PORT", "0");
        env.putAll(environment);
        return env;
    }
}
