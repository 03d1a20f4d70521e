package dev.hangar.logs;

import dev.hangar.core.port.LogSink;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.hangar.logs.LogsTestData.ACCOUNT;
import static dev.hangar.logs.LogsTestData.REGION;
import static dev.hangar.logs.LogsTestData.events;
import static dev.hangar.logs.LogsTestData.newGroup;
import static dev.hangar.logs.LogsTestData.newStream;
import static dev.hangar.logs.LogsTestData.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogSinkTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(LogsService::new).build();
    static CloudWatchLogsClient client;
    /** The sink LogsService provides to the other services. */
    static LogSink logs;

    @BeforeAll
    static void clients() {
        client = hangar.client(CloudWatchLogsClient.class);
        logs = hangar.ports().require(LogSink.class);
    }

    @Test
    void groupExistsAndCreateGroupAsEcsAwslogsAsksThem() {
        String group = unique("/ecs/sink");
        assertFalse(logs.groupExists(ACCOUNT, REGION, group));
        logs.createGroup(ACCOUNT, REGION, group);
        assertTrue(logs.groupExists(ACCOUNT, REGION, group));
        assertFalse(logs.groupExists(ACCOUNT, "eu-west-1", group));
        assertEquals(1, client.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().size());
        logs.createGroup(ACCOUNT, REGION, group); // already there: nothing changes
        assertEquals(1, client.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().size());
        client.deleteLogGroup(b -> b.logGroupName(group));
        assertFalse(logs.groupExists(ACCOUNT, REGION, group));
        assertTrue(LogSink.NONE.groupExists(ACCOUNT, REGION, group));
    }

    @Test
    void appendCreatesGroupAndStreamAndIsReadable() {
        String group = unique("/aws/lambda/sink");
        String stream = "2026/11/25/[$LATEST]0123456789abcdef0123456789abcdef";
        long now = System.currentTimeMillis();
        LogSink sink = logs;
        sink.append(ACCOUNT, REGION, group, stream, List.of(
                new LogSink.LogEvent(now, "START RequestId: 1 Version: $LATEST\n"),
                new LogSink.LogEvent(now + 1, "hello from the function\n"),
                new LogSink.LogEvent(now + 2, "END RequestId: 1\n")));

        assertEquals(1, client.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().size());
        LogStream described = client.describeLogStreams(b -> b.logGroupName(group)).logStreams().get(0);
        assertEquals(stream, described.logStreamName());
        assertEquals(now + 2, described.lastEventTimestamp());
        assertEquals(List.of("START RequestId: 1 Version: $LATEST\n", "hello from the function\n",
                "END RequestId: 1\n"), PutGetEventsTest.messages(client.getLogEvents(
                        b -> b.logGroupName(group).logStreamName(stream).startFromHead(true))));
        assertEquals(1, FilterLogEventsTest.messages(client.filterLogEvents(
                b -> b.logGroupName(group).filterPattern("hello"))).size());

        // Appending to an existing group and stream (created through the API) works too.
        String other = newGroup(client, "sink-existing");
        newStream(client, other, "s");
        sink.append(ACCOUNT, REGION, other, "s", List.of(new LogSink.LogEvent(now, "x")));
        assertEquals(1, client.getLogEvents(b -> b.logGroupName(other).logStreamName("s")).events().size());
        // Another account's or region's output stays there.
        sink.append("111111111111", REGION, other + "-elsewhere", "s", List.of(new LogSink.LogEvent(now, "y")));
        assertTrue(client.describeLogGroups(b -> b.logGroupNamePrefix(other + "-elsewhere")).logGroups().isEmpty());
    }

    @Test
    void concurrentAppendersLoseNothingWhileClientsRead() throws Exception {
        String group = unique("/ecs/concurrent");
        int threads = 8;
        int batches = 200;
        int perBatch = 5;
        long base = System.currentTimeMillis() - 60_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    go.await();
                    for (int b = 0; b < batches; b++) {
                        List<LogSink.LogEvent> events = new ArrayList<>();
                        for (int e = 0; e < perBatch; e++) {
                            // Two threads share each stream; timestamps collide on purpose.
                            events.add(new LogSink.LogEvent(base + b, "t" + thread + " b" + b + " e" + e));
                        }
                        logs.append(ACCOUNT, REGION, group, "stream-" + (thread % 4), events);
                    }
                    return null;
                }));
            }
            Future<Integer> reader = pool.submit(() -> {
                go.await();
                int reads = 0;
                while (writing.get()) {
                    try {
                        client.filterLogEvents(b -> b.logGroupName(group).limit(100));
                        reads++;
                    } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException e) {
                        // the group appears with the first append
                    }
                }
                return reads;
            });
            go.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            assertTrue(reader.get(60, TimeUnit.SECONDS) > 0);
        } finally {
            pool.shutdownNow();
        }

        int expected = threads * batches * perBatch;
        List<FilteredLogEvent> all = new ArrayList<>();
        client.filterLogEventsPaginator(b -> b.logGroupName(group).limit(1000)).events().forEach(all::add);
        assertEquals(expected, all.size());
        Set<String> messages = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (FilteredLogEvent e : all) {
            messages.add(e.message());
            ids.add(e.eventId());
        }
        assertEquals(expected, messages.size());
        assertEquals(expected, ids.size());
        for (int i = 1; i < all.size(); i++) {
            assertFalse(all.get(i).timestamp() < all.get(i - 1).timestamp(), "interleaved in time order");
        }
        int perStream = expected / 4;
        for (int s = 0; s < 4; s++) {
            String stream = "stream-" + s;
            int count = 0;
            String token = null;
            while (true) {
                String t = token;
                var page = client.getLogEvents(b -> b.logGroupName(group).logStreamName(stream).startFromHead(true)
                        .limit(333).nextToken(t));
                count += page.events().size();
                if (page.nextForwardToken().equals(token)) {
                    break;
                }
                token = page.nextForwardToken();
            }
            assertEquals(perStream, count, stream);
        }
    }
}
