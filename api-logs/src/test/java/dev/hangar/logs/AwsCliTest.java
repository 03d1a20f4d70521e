package dev.hangar.logs;

import dev.hangar.testsupport.AwsCli.Result;
import dev.hangar.testsupport.AwsCli;
import dev.hangar.testsupport.RunningCli;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static dev.hangar.logs.LogsTestData.event;
import static dev.hangar.logs.LogsTestData.events;
import static dev.hangar.logs.LogsTestData.newGroup;
import static dev.hangar.logs.LogsTestData.newStream;
import static dev.hangar.logs.LogsTestData.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AWS CLI against Hangar: what the SDK hides (the CLI's own paginator, `logs tail` and its --follow polling).
 * v2 is /usr/bin/aws, v1 is pyenv's `aws` on PATH; a missing CLI fails the test rather than skipping it.
 */
class AwsCliTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(LogsService::new).build();
    static CloudWatchLogsClient client;
    static AwsCli v1;
    static AwsCli v2;

    @BeforeAll
    static void clients() {
        client = hangar.client(CloudWatchLogsClient.class);
        v1 = hangar.cli(AwsCli.v1());
        v2 = hangar.cli(AwsCli.v2());
    }

    @Test
    void filterLogEventsWithPatternAndCliPaginationV1AndV2() throws Exception {
        String group = newGroup(client, "/cli/filter");
        newStream(client, group, "a");
        newStream(client, group, "b");
        long now = System.currentTimeMillis() - 60_000;
        put(client, group, "a", List.of(event(now, "ERROR disk full"), event(now + 2, "ERROR timeout talking to db"),
                event(now + 4, "INFO ok")));
        put(client, group, "b", List.of(event(now + 1, "ERROR permission denied"), event(now + 3, "WARN slow")));

        for (AwsCli cli : List.of(v1, v2)) {
            Result matching = cli.run("logs", "filter-log-events", "--log-group-name", group,
                    "--filter-pattern", "ERROR -timeout", "--query", "events[].message", "--output", "text");
            assertEquals(0, matching.exit(), cli + ": " + matching.err());
            assertEquals(List.of("ERROR disk full", "ERROR permission denied"), words(matching.out()), cli.toString());

            // --page-size makes the CLI page with limit/nextToken itself and join the pages.
            Result paged = cli.run("logs", "filter-log-events", "--log-group-name", group,
                    "--page-size", "2", "--query", "events[].message", "--output", "text");
            assertEquals(0, paged.exit(), cli + ": " + paged.err());
            assertEquals(List.of("ERROR disk full", "ERROR permission denied", "ERROR timeout talking to db",
                    "WARN slow", "INFO ok"), words(paged.out()), cli.toString());

            Result unsupported = cli.run("logs", "filter-log-events", "--log-group-name", group,
                    "--filter-pattern", "{ $.level = \"ERROR\" }");
            assertTrue(unsupported.exit() != 0, cli.toString());
            assertTrue(unsupported.err().contains("InvalidParameterException")
                    && unsupported.err().contains("not supported by Hangar"), cli + ": " + unsupported.err());
        }
    }

    @Test
    void tailPrintsTheGroupsRecentEvents() throws Exception {
        String group = newGroup(client, "/cli/tail");
        newStream(client, group, "s1");
        newStream(client, group, "s2");
        long now = System.currentTimeMillis();
        put(client, group, "s1", List.of(event(now - 3 * 3_600_000L, "too early for --since 1h"),
                event(now - 2000, "first line")));
        put(client, group, "s2", List.of(event(now - 1000, "second line")));

        Result tail = v2.run("logs", "tail", group, "--since", "1h");
        assertEquals(0, tail.exit(), tail.err());
        List<String> lines = tail.out().lines().toList();
        assertEquals(2, lines.size(), tail.out());
        assertTrue(lines.get(0).endsWith(" s1 first line"), lines.get(0));
        assertTrue(lines.get(1).endsWith(" s2 second line"), lines.get(1));

        Result filtered = v2.run("logs", "tail", group, "--since", "1h", "--format", "short",
                "--filter-pattern", "second");
        assertEquals(1, filtered.out().lines().count(), filtered.out());
        assertTrue(filtered.out().strip().endsWith(" second line"), filtered.out());
    }

    @Test
    void tailFollowPicksUpNewEventsOnceEach() throws Exception {
        String group = newGroup(client, "/cli/follow");
        newStream(client, group, "s");
        long now = System.currentTimeMillis();
        put(client, group, "s", List.of(event(now - 1000, "before-1"), event(now - 1000, "before-2")));

        try (RunningCli tail = v2.start("logs", "tail", group, "--follow", "--format", "short")) {
            tail.awaitLines(2, Duration.ofSeconds(30), "initial events");
            // Same timestamp as the newest seen: --follow re-asks from that timestamp and must dedupe by eventId.
            long later = System.currentTimeMillis();
            put(client, group, "s", List.of(event(now - 1000, "same-ms-as-before"), event(later, "after-1")));
            put(client, group, "s", List.of(event(later + 1, "after-2")));
            tail.awaitLines(5, Duration.ofSeconds(30), "followed events");
            Thread.sleep(6000); // one more poll: nothing may be printed twice
            List<String> messages = tail.lines().stream().map(l -> l.substring(l.indexOf(' ') + 1)).toList();
            assertEquals(List.of("before-1", "before-2", "same-ms-as-before", "after-1", "after-2"), messages);
        }
    }

    // ---- plumbing ----

    /** `--output text` separates the messages with tabs. */
    private static List<String> words(String text) {
        return Arrays.stream(text.strip().split("[\t\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
