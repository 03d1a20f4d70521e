package dev.hangar.server;

import org.junit.jupiter.api.Test;

import dev.hangar.lambda.invoke.InvokeConfig;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Settings are read from the environment, and a malformed one stops Hangar with a message naming it. */
class HangarConfigTest {

    @Test
    void theTimeScaleIsOneUnlessSetAndMustBeASensibleNumber() {
        assertEquals(1, HangarConfig.fromEnvironment(Map.of()).timeScale());
        assertEquals(60, HangarConfig.fromEnvironment(Map.of("HANGAR_TIME_SCALE", "60")).timeScale());
        assertEquals(2.5, HangarConfig.fromEnvironment(Map.of("HANGAR_TIME_SCALE", " 2.5 ")).timeScale());
        for (String bad : new String[] {"fast", "0", "0.5", "-3", "NaN", "1e9"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HangarConfig.fromEnvironment(Map.of("HANGAR_TIME_SCALE", bad)), bad);
            assertEquals(true, e.getMessage().startsWith("HANGAR_TIME_SCALE must be"), e.getMessage());
        }
    }

    @Test
    void theScaledClockIsWhatTheServicesGet() throws Exception {
        try (Hangar hangar = Hangar.start(HangarConfig.fromEnvironment(
                Map.of("HANGAR_PORT", "0", "HANGAR_TIME_SCALE", "120")))) {
            assertEquals(120, hangar.server().clock().scale());
            assertEquals(hangar.server().clock(), hangar.server().context().clock());
        }
    }

    @Test
    void theLogLevelIsOneOfLogbacksNames() {
        assertEquals("INFO", HangarConfig.fromEnvironment(Map.of()).logLevel());
        assertEquals("DEBUG", HangarConfig.fromEnvironment(Map.of("HANGAR_LOG_LEVEL", "debug")).logLevel());
        for (String level : HangarConfig.LOG_LEVELS) {
            assertEquals(level, HangarConfig.fromEnvironment(Map.of("HANGAR_LOG_LEVEL", level)).logLevel());
        }
        rejected("HANGAR_LOG_LEVEL", "LOUD",
                "HANGAR_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got 'LOUD'");
    }

    @Test
    void numbersSayTheirRange() {
        rejected("HANGAR_PORT", "http", "HANGAR_PORT must be a whole number, got 'http'");
        rejected("HANGAR_PORT", "70000", "HANGAR_PORT must be between 0 and 65535, got 70000");
        rejected("HANGAR_WORKER_THREADS", "0", "HANGAR_WORKER_THREADS must be between 1 and 1024, got 0");
        rejected("HANGAR_EVENT_LOOP_THREADS", "-1", "HANGAR_EVENT_LOOP_THREADS must be between 0 and 256, got -1");
        rejected("HANGAR_MAX_REQUEST_BYTES", "1k", "HANGAR_MAX_REQUEST_BYTES must be a whole number, got '1k'");
    }

    @Test
    void namesAndAddressesHaveTheirShape() {
        rejected("HANGAR_DEFAULT_ACCOUNT", "123", "HANGAR_DEFAULT_ACCOUNT must be 12 digits, got '123'");
        rejected("HANGAR_DEFAULT_REGION", "US East", "HANGAR_DEFAULT_REGION must be a region name like us-east-1 "
                + "(lower-case letters and digits joined by '-'), got 'US East'");
        assertEquals("eu-central-2",
                HangarConfig.fromEnvironment(Map.of("HANGAR_DEFAULT_REGION", "eu-central-2")).defaultRegion());
        rejected("HANGAR_HOST", "http://localhost", "HANGAR_HOST must be a host name or an IP address (127.0.0.1, "
                + "0.0.0.0, localhost, ...), got 'http://localhost'");
        for (String host : new String[] {"0.0.0.0", "localhost", "::1", "my-box.local", "hangar_1"}) {
            assertEquals(host, HangarConfig.fromEnvironment(Map.of("HANGAR_HOST", host)).host());
        }
        for (String ok : new String[] {"unix:///var/run/docker.sock", "tcp://127.0.0.1:2375", "tcp://[::1]:2376",
                "npipe:////./pipe/docker_engine"}) {
            HangarConfig.fromEnvironment(Map.of("DOCKER_HOST", ok));
        }
        for (String bad : new String[] {"/var/run/docker.sock", "tcp://localhost", "ssh://me@box", "unix://"}) {
            rejected("DOCKER_HOST", bad, "DOCKER_HOST must be unix:///path/to/docker.sock, tcp://host:port or "
                    + "npipe:////./pipe/name, got '" + bad + "'");
        }
    }

    @Test
    void theDataDirectoryIsAFolderHangarMayWriteIn() throws Exception {
        Path root = Files.createTempDirectory("hangar-config-test-");
        Path fresh = root.resolve("a/b");
        assertEquals(fresh, HangarConfig.fromEnvironment(Map.of("HANGAR_DATA_DIR", fresh.toString())).dataDirectory());
        Path file = Files.writeString(root.resolve("file"), "x");
        rejected("HANGAR_DATA_DIR", file.toString(), "HANGAR_DATA_DIR must be a folder (or a path one can be made "
                + "at), but " + file + " is a file, got '" + file + "'");
        rejected("HANGAR_DATA_DIR", file + "/below", "HANGAR_DATA_DIR must be a folder (or a path one can be made "
                + "at), but " + file + " is a file, got '" + file + "/below'");
        Path locked = Files.createDirectory(root.resolve("locked"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
        if (Files.isWritable(locked)) {
            locked = Path.of("/proc/sys"); // root writes anywhere but on a read-only mount, which a container's is
        }
        assumeFalse(Files.isWritable(locked), "no folder here that this user may not write in");
        rejected("HANGAR_DATA_DIR", locked.resolve("x").toString(), "HANGAR_DATA_DIR must be a folder Hangar may "
                + "write in, but " + locked + " is not writable, got '" + locked.resolve("x") + "'");
    }

    @Test
    void lambdaSettingsNameTheVariableAndWhatItTakes() {
        Map<String, String> cases = Map.of(
                "HANGAR_LAMBDA_KEEP_ALIVE_SECONDS=-1",
                "HANGAR_LAMBDA_KEEP_ALIVE_SECONDS must be a number of seconds, 0 or more (at most 31622400), got '-1'",
                "HANGAR_LAMBDA_ACCOUNT_CONCURRENCY=lots",
                "HANGAR_LAMBDA_ACCOUNT_CONCURRENCY must be a whole number from 1 to 1000000, got 'lots'",
                "HANGAR_LAMBDA_ASYNC_RETRY_DELAYS_SECONDS=60,soon",
                "HANGAR_LAMBDA_ASYNC_RETRY_DELAYS_SECONDS must be a comma-separated list of seconds (each 0 or more), "
                        + "got 'soon'",
                "HANGAR_LAMBDA_INIT_TIMEOUT_SECONDS=0",
                "HANGAR_LAMBDA_INIT_TIMEOUT_SECONDS must be a number of seconds above 0 (at most 31622400), got '0'",
                "HANGAR_LAMBDA_LOG_SETTLE_MS=1.5",
                "HANGAR_LAMBDA_LOG_SETTLE_MS must be a whole number from 0 to 60000, got '1.5'",
                "HANGAR_LAMBDA_AWS_ENDPOINT_URL=localhost:4566",
                "HANGAR_LAMBDA_AWS_ENDPOINT_URL must be an http:// or https:// URL, got 'localhost:4566'",
                "HANGAR_LAMBDA_RUNTIME_CLIENT_PYTHON3_12=mine",
                "HANGAR_LAMBDA_RUNTIME_CLIENT_PYTHON3_12 must be image or hangar, got 'mine'",
                "HANGAR_LAMBDA_RUNTIME_CLIENTS_DIR=/no/such/folder",
                "HANGAR_LAMBDA_RUNTIME_CLIENTS_DIR must be an existing folder laid out like lambda-runtimes/, "
                        + "got '/no/such/folder'");
        cases.forEach((setting, message) -> {
            String[] kv = setting.split("=", 2);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> InvokeConfig.fromEnvironment(Map.of(kv[0], kv[1])), setting);
            assertEquals(message, e.getMessage());
        });
        InvokeConfig fine = InvokeConfig.fromEnvironment(Map.of("HANGAR_LAMBDA_KEEP_ALIVE_SECONDS", "0",
                "HANGAR_LAMBDA_ASYNC_RETRY_DELAYS_SECONDS", "0.1, 2", "HANGAR_LAMBDA_RUNTIME_CLIENT_NODEJS20_X", "Hangar"));
        assertEquals(Duration.ZERO, fine.keepAlive());
        assertEquals(java.util.List.of(Duration.ofMillis(100), Duration.ofSeconds(2)), fine.asyncRetryDelays());
    }

    /** Main prints what a service's constructor throws; the start must have let go of everything it began. */
    @Test
    void aBadLambdaSettingFailsTheStartAndLeavesNoThreadBehind() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hangar.start(
                HangarConfig.fromEnvironment(Map.of("HANGAR_PORT", "0", "HANGAR_LAMBDA_ACCOUNT_CONCURRENCY", "x"))));
        assertEquals("HANGAR_LAMBDA_ACCOUNT_CONCURRENCY must be a whole number from 1 to 1000000, got 'x'",
                e.getMessage());
        assertEquals("HANGAR_LAMBDA_ACCOUNT_CONCURRENCY must be a whole number from 1 to 1000000, got 'x'",
                StartFailure.of(e, HangarConfig.fromEnvironment(Map.of())).line());
        assertNoNewLiveThreads(before);
    }

    @Test
    void aTakenPortIsOneLineAndLeavesNoThreadBehind() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            HangarConfig config = HangarConfig.fromEnvironment(Map.of("HANGAR_PORT",
                    String.valueOf(taken.getLocalPort())));
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            RuntimeException e = assertThrows(RuntimeException.class, () -> Hangar.start(config));
            StartFailure failure = StartFailure.of(e, config);
            assertEquals("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": address already in use (another "
                    + "Hangar or LocalStack? set HANGAR_PORT to another port, or 0 for a free one)", failure.line());
            assertEquals(1, failure.exitCode());
            assertNoNewLiveThreads(before);
        }
    }

    @Test
    void anUnresolvableHostIsOneLine() {
        HangarConfig config = HangarConfig.fromEnvironment(Map.of("HANGAR_PORT", "0", "HANGAR_HOST", "nosuchhost.invalid"));
        RuntimeException e = assertThrows(RuntimeException.class, () -> Hangar.start(config));
        StartFailure failure = StartFailure.of(e, config);
        assertEquals("HANGAR_HOST 'nosuchhost.invalid' does not resolve", failure.line());
        assertEquals(2, failure.exitCode());
    }

    @Test
    void theStartLineGivesAUrlAClientCanUse() {
        URI bound = URI.create("http://0.0.0.0:4566");
        assertEquals("http://127.0.0.1:4566 (all interfaces, HANGAR_HOST=0.0.0.0)", StartLine.where("0.0.0.0", bound));
        assertEquals("http://127.0.0.1:4566", StartLine.where("127.0.0.1", URI.create("http://127.0.0.1:4566")));
        long sinceJvmStart = StartLine.sinceJvmStart();
        assertTrue(sinceJvmStart > 0 && sinceJvmStart < 3_600_000, String.valueOf(sinceJvmStart));
        // /proc's figure agrees with the JVM's own to within its 10 ms ticks and the time between the two reads
        long fromJvm = System.currentTimeMillis()
                - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        long fromProc = StartLine.fromProc(java.nio.file.Path.of("/proc/self/stat"), java.nio.file.Path.of("/proc/uptime"));
        assertTrue(Math.abs(fromProc - fromJvm) < 1_000, fromProc + " vs " + fromJvm);
    }

    @Test
    void startTimeFromProcParsesACommandNameWithSpaces(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path stat = dir.resolve("stat");
        java.nio.file.Path uptime = dir.resolve("uptime");
        java.nio.file.Files.writeString(stat, "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 10 0 0 0 5 3 0 0 20 0 30 0"
                + " 500 123456 789 18446744073709551615 1 1 0 0 0 0 0 4096 1 0 0 0 17 1 0 0 0 0 0\n");
        java.nio.file.Files.writeString(uptime, "12.34 20.00\n");
        assertEquals(12_340 - 5_000, StartLine.fromProc(stat, uptime));
        java.nio.file.Files.writeString(uptime, "not a number\n");
        assertEquals(-1, StartLine.fromProc(stat, uptime));
    }

    private static void rejected(String name, String value, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HangarConfig.fromEnvironment(Map.of(name, value)), name + "=" + value);
        assertEquals(message, e.getMessage());
    }

    /** Non-daemon threads keep a JVM from exiting: none that the failed start made may still be alive. */
    private static void assertNoNewLiveThreads(Set<Thread> before) {
        dev.hangar.testsupport.Await.until("the failed start's threads to end", Duration.ofSeconds(10),
                () -> Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon()).map(Thread::getName).toList(),
                java.util.List::isEmpty);
    }
}
