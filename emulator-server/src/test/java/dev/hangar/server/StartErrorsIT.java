package dev.hangar.server;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new user's first mistakes, made with the packaged jar as they would make them ({@code java -jar hangar.jar}):
 * each ends within seconds with one line on stderr that starts with "hangar: " and says what to change, no stack
 * trace, and a non-zero exit code. Run by failsafe after the jar is built; one JVM per case.
 */
class StartErrorsIT {

    private static final Path JAR = Path.of(System.getProperty("hangar.jar", "target/hangar.jar"));

    @Test
    void aPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertOneLineAndExit(Map.of("HANGAR_PORT", String.valueOf(port)), 1,
                    "hangar: cannot listen on 127.0.0.1:" + port + ": address already in use");
        }
    }

    @Test
    void aHostThatDoesNotResolve() throws Exception {
        assertOneLineAndExit(Map.of("HANGAR_HOST", "nosuchhost.invalid", "HANGAR_PORT", "0"), 2,
                "hangar: HANGAR_HOST 'nosuchhost.invalid' does not resolve");
    }

    @Test
    void aLogLevelLogbackDoesNotKnow() throws Exception {
        assertOneLineAndExit(Map.of("HANGAR_LOG_LEVEL", "LOUD", "HANGAR_PORT", "0"), 2,
                "hangar: HANGAR_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got 'LOUD'");
    }

    @Test
    void aDataDirectoryThatIsAFile() throws Exception {
        Path file = Files.createTempFile("hangar-data-", ".txt");
        try {
            assertOneLineAndExit(Map.of("HANGAR_DATA_DIR", file.toString(), "HANGAR_PORT", "0"), 2,
                    "hangar: HANGAR_DATA_DIR must be a folder (or a path one can be made at), but " + file
                            + " is a file");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Read by the Lambda service as it is made: the failure comes from inside the server's start. */
    @Test
    void aLambdaConcurrencyThatIsNotANumber() throws Exception {
        assertOneLineAndExit(Map.of("HANGAR_LAMBDA_ACCOUNT_CONCURRENCY", "lots", "HANGAR_PORT", "0"), 2,
                "hangar: HANGAR_LAMBDA_ACCOUNT_CONCURRENCY must be a whole number from 1 to 1000000, got 'lots'");
    }

    private static void assertOneLineAndExit(Map<String, String> env, int exitCode, String linePrefix)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString());
        builder.environment().putAll(env);
        Process hangar = builder.start();
        try {
            CompletableFuture<String> out = read(hangar.getInputStream());
            CompletableFuture<String> err = read(hangar.getErrorStream());
            assertTrue(hangar.waitFor(10, TimeUnit.SECONDS), "Hangar did not exit within 10 s with " + env);
            String stderr = err.get(5, TimeUnit.SECONDS);
            String stdout = out.get(5, TimeUnit.SECONDS);
            String both = "stderr:\n" + stderr + "stdout:\n" + stdout;
            List<String> lines = stderr.lines().toList();
            assertEquals(1, lines.size(), both);
            assertTrue(lines.get(0).startsWith(linePrefix), both);
            for (String text : List.of(stderr, stdout)) {
                assertFalse(text.contains("Exception"), both);
                assertFalse(text.lines().anyMatch(l -> l.strip().startsWith("at ")), both);
            }
            assertEquals(exitCode, hangar.exitValue(), both);
        } finally {
            hangar.destroyForcibly();
        }
    }

    private static CompletableFuture<String> read(java.io.InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
    }
}
