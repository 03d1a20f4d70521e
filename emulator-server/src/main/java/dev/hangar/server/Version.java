package dev.hangar.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Hangar's version, from version.properties (filtered by Maven at build); "dev" when that is missing. */
final class Version {

    private static final String VERSION = read();

    private Version() {
    }

    static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
