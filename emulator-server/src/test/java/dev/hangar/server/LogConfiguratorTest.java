package dev.hangar.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In a user's JVM with their own logback file, Hangar's configurator steps aside; alone, it configures. */
class LogConfiguratorTest {

    @Test
    void aUsersLogbackFileOnTheClassPathWins(@TempDir Path dir) throws Exception {
        Path users = Files.createDirectories(dir.resolve("users"));
        Files.writeString(users.resolve("logback-test.xml"), "<configuration/>");
        Path plain = Files.createDirectories(dir.resolve("plain"));
        try (URLClassLoader withFile = new URLClassLoader(new URL[]{users.toUri().toURL()}, null);
             URLClassLoader without = new URLClassLoader(new URL[]{plain.toUri().toURL()}, null)) {
            assertTrue(LogConfigurator.userConfiguration(withFile));
            assertFalse(LogConfigurator.userConfiguration(without));
        }
    }
}
