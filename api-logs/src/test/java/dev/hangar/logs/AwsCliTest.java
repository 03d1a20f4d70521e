package dev.hangar.logs;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The AWS CLI against Hangar: what the SDK hides (the CLI's own paginator, `logs tail` and its --follow polling).
 * v2 is /usr/bin/aws, v1 is the `aws` on PATH; a missing CLI fails the test rather than skipping it.
 */
class AwsCliTest extends LogsTestBase {

    static final String V2 = "/usr/bin/aws";
    static final String V1 = "aws";

    @BeforeAll
    static void needsTheServerAndBothClis() throws Exception {
        assertTrue(run(V2, List.of("--version")).out.startsWith("aws-cli/2."), "AWS CLI v2 at " + V2);
        assertTrue(run(V1, List.of("--version")).out.startsWith("aws-cli/1."), "AWS CLI v1 on PATH");
    }

    @Test
    void filterLogEventsWithPatternAndCliPaginationV1AndV2() throws Exception {
        String group = newGroup("/cli/filter");
        newStream(group, "a");
        newStream(group, "b");
        long now = System.currentTimeMillis() - 60_000;
        put(group, "a", List.of(event(now, "ERROR disk full"), event(now + 2, "ERROR timeout talking to db"),
                event(now + 4, "INFO ok")));
        put(group, "b", List.of(event(now + 1, "ERROR permission denied"), event(now + 3, "WARN slow")));

        for (String cli : List.of(V1, V2)) {
            Result matching = run(cli, List.of("logs", "filter-log-events", "--log-group-name", group,
                    "--filter-pattern", "ERROR -timeout", "--query", "events[].message", "--output", "text"));
            assertEquals(0, matching.exit, cli + ": " + matching.err);
            assertEquals(List.of("ERROR disk full", "ERROR permission denied"), words(matching.out), cli);

            // --page-size makes the CLI page with limit/nextToken itself and join the pages.
            Result paged = run(cli, List.of("logs", "filter-log-events", "--log-group-name", group,
                    "--page-size", "2", "--query", "events[].message", "--output", "text"));
            assertEquals(0, paged.exit, cli + ": " + paged.err);
            assertEquals(List.of("ERROR disk full", "ERROR permission denied", "ERROR timeout talking to db",
                    "WARN slow", "INFO ok"), words(paged.out), cli);

            Result unsupported = run(cli, List.of("logs", "filter-log-events", "--log-group-name", group,
                    "--filter-pattern", "{ $.level = \"ERROR\" }"));
            assertTrue(unsupported.exit != 0, cli);
            assertTrue(unsupported.err.contains("InvalidParameterException")
                    && unsupported.err.contains("not supported by Hangar"), cli + ": " + unsupported.err);
        }
    }

    @Test
    void tailPrintsTheGroupsRecentEvents() throws Exception {
        String group = newGroup("/cli/tail");
        newStream(group, "s1");
        newStream(group, "s2");
        long now = System.currentTimeMillis();
        put(group, "s1", List.of(event(now - 3 * 3_600_000L, "too early for --since 1h"),
                event(now - 2000, "first line")));
        put(group, "s2", List.of(event(now - 1000, "second line")));

        Result tail = run(V2, List.of("logs", "tail", group, "--since", "1h"));
        assertEquals(0, tail.exit, tail.err);
        List<String> lines = tail.out.lines().toList();
        assertEquals(2, lines.size(), tail.out);
        assertTrue(lines.get(0).endsWith(" s1 first line"), lines.get(0));
        assertTrue(lines.get(1).endsWith(" s2 second line"), lines.get(1));

        Result filtered = run(V2, List.of("logs", "tail", group, "--since", "1h", "--format", "short",
                "--filter-pattern", "second"));
        assertEquals(1, filtered.out.lines().count(), filtered.out);
        assertTrue(filtered.out.strip().endsWith(" second line"), filtered.out);
    }

    @Test
    void tailFollowPicksUpNewEventsOnceEach() throws Exception {
        String group = newGroup("/cli/follow");
        newStream(group, "s");
        long now = System.currentTimeMillis();
        put(group, "s", List.of(event(now - 1000, "before-1"), event(now - 1000, "before-2")));

        Process process = start(V2, List.of("logs", "tail", group, "--follow", "--format", "short"));
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process was destroyed
            }
        });
        reader.start();
        try {
            waitFor(() -> lines.size() >= 2, 30, "initial events: " + lines);
            // Same timestamp as the newest seen: --follow re-asks from that timestamp and must dedupe by eventId.
            long later = System.currentTimeMillis();
            put(group, "s", List.of(event(now - 1000, "same-ms-as-before"), event(later, "after-1")));
            put(group, "s", List.of(event(later + 1, "after-2")));
            waitFor(() -> lines.size() >= 5, 30, "followed events: " + lines);
            Thread.sleep(6000); // one more poll: nothing may be printed twice
            List<String> messages = lines.stream().map(l -> l.substring(l.indexOf(' ') + 1)).toList();
            assertEquals(List.of("before-1", "before-2", "same-ms-as-before", "after-1", "after-2"), messages);
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    // ---- plumbing ----

    record Result(int exit, String out, String err) {
    }

    private static Process start(String cli, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(cli, "--endpoint-url", "http://127.0.0.1:" + server.port(),
                "--region", "us-east-1", "--color", "off"));
        if (args.equals(List.of("--version"))) {
            command = new ArrayList<>(List.of(cli));
        }
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.remove("AWS_SESSION_TOKEN");
        env.remove("AWS_PROFILE");
        env.put("AWS_CONFIG_FILE", new File("target/no-aws-config").getAbsolutePath());
        env.put("AWS_SHARED_CREDENTIALS_FILE", new File("target/no-aws-credentials").getAbsolutePath());
        env.put("AWS_PAGER", "");
        env.put("PYTHONUNBUFFERED", "1");
        try {
            return builder.start();
        } catch (IOException e) {
            fail("AWS CLI '" + cli + "' could not be started: " + e.getMessage());
            throw e;
        }
    }

    private static Result run(String cli, List<String> args) throws Exception {
        Process process = start(cli, args);
        process.getOutputStream().close();
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(cli + " " + args + " did not finish");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    /** `--output text` separates the messages with tabs. */
    private static List<String> words(String text) {
        return Arrays.stream(text.strip().split("[\t\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, int seconds, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
