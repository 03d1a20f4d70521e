package dev.hangar.testcontainers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this module, which is the tag of the Hangar image it starts by default. */
public final class HangarVersion {

    private static final String RESOURCE = "hangar-testcontainers.properties";
    private static final String VERSION = load();

    private HangarVersion() {
    }

    /** e.g. "0.1.0-SNAPSHOT", as Maven wrote it into the module's resources. */
    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = HangarVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the hangar-testcontainers jar");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
