package dev.hangar.logs;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

import java.util.ArrayList;
import java.util.List;

import static dev.hangar.logs.LogsTestData.event;
import static dev.hangar.logs.LogsTestData.events;
import static dev.hangar.logs.LogsTestData.newGroup;
import static dev.hangar.logs.LogsTestData.newStream;
import static dev.hangar.logs.LogsTestData.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PutGetEventsTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(LogsService::new).build();
    static CloudWatchLogsClient client;

    @BeforeAll
    static void clients() {
        client = hangar.client(CloudWatchLogsClient.class);
    }

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    @Test
    void putThenGetFromHeadAndFromTail() {
        String group = newGroup(client, "get");
        newStream(client, group, "s");
        long start = System.currentTimeMillis() - 60_000;
        PutLogEventsResponse put = client.putLogEvents(b -> b.logGroupName(group).logStreamName("s")
                .logEvents(events(start, 25, "m")).sequenceToken("ignored-like-aws"));
        assertNotNull(put.nextSequenceToken());
        assertNull(put.rejectedLogEventsInfo());

        GetLogEventsResponse head = client.getLogEvents(b -> b.logGroupName(group).logStreamName("s")
                .startFromHead(true).limit(10));
        assertEquals(messages(0, 10), messages(head));
        assertTrue(head.nextForwardToken().matches("f/\\d{56}/s"), head.nextForwardToken());
        assertTrue(head.nextBackwardToken().matches("b/\\d{56}/s"), head.nextBackwardToken());

        // Default: the latest events, still in ascending order.
        GetLogEventsResponse tail = client.getLogEvents(b -> b.logGroupName(group).logStreamName("s").limit(10));
        assertEquals(messages(15, 25), messages(tail));
        OutputLogEvent last = tail.events().get(9);
        assertEquals(start + 24, last.timestamp());
        assertTrue(last.ingestionTime() >= start);

        assertEquals(25, client.getLogEvents(b -> b.logGroupName(group).logStreamName("s")).events().size());
    }

    @Test
    void forwardTokensWalkToTheEndAndRepeatThere() {
        String group = newGroup(client, "forward");
        newStream(client, group, "s");
        long start = System.currentTimeMillis() - 60_000;
        put(client, group, "s", events(start, 25, "m"));

        List<String> seen = new ArrayList<>();
        String token = null;
        int calls = 0;
        while (true) {
            String t = token;
            GetLogEventsResponse page = client.getLogEvents(b -> b.logGroupName(group).logStreamName("s")
                    .startFromHead(true).limit(10).nextToken(t));
            calls++;
            seen.addAll(messages(page));
            if (page.nextForwardToken().equals(token)) {
                assertTrue(page.events().isEmpty());
                break;
            }
            token = page.nextForwardToken();
        }
        assertEquals(messages(0, 25), seen);
        assertEquals(4, calls);

        // New events appear behind the token a poller holds.
        put(client, group, "s", events(start + 100, 3, "late"));
        String t = token;
        GetLogEventsResponse more = client.getLogEvents(b -> b.logGroupName(group).logStreamName("s")
                .startFromHead(true).nextToken(t));
        assertEquals(List.of("late-0", "late-1", "late-2"), messages(more));
        assertNotEquals(token, more.nextForwardToken());
    }

    @Test
    void backwardTokensWalkToTheStartAndRepeatThere() {
        String group = newGroup(client, "backward");
        newStream(client, group, "s");
        long start = System.currentTimeMillis() - 60_000;
        put(client, group, "s", events(start, 25, "m"));

        GetLogEventsResponse page = client.getLogEvents(b -> b.logGroupName(group).logStreamName("s").limit(10));
        List<String> pages = new ArrayList<>(messages(page));
        String token = page.nextBackwardToken();
        while (true) {
            String t = token;
            page = client.getLogEvents(b -> b.logGroupName(group).logStreamName("s").limit(10).nextToken(t));
            if (page.nextBackwardToken().equals(token)) {
                assertTrue(page.events().isEmpty());
                break;
            }
            pages.addAll(0, messages(page));
            token = page.nextBackwardToken();
        }
        assertEquals(messages(0, 25), pages);

        // From the start, the forward token of the empty page leads back to the first events.
        String t = token;
        GetLogEventsResponse atStart = client.getLogEvents(b -> b.logGroupName(group).logStreamName("s").limit(3)
                .nextToken(t));
        GetLogEventsResponse forward = client.getLogEvents(b -> b.logGroupName(group).logStreamName("s").limit(3)
                .nextToken(atStart.nextForwardToken()));
        assertEquals(messages(0, 3), messages(forward));
    }

    @Test
    void timeRangeIsStartInclusiveEndExclusive() {
        String group = newGroup(client, "range");
        newStream(client, group, "s");
        long start = System.currentTimeMillis() - 60_000;
        put(client, group, "s", events(start, 10, "m"));
        GetLogEventsResponse range = client.getLogEvents(b -> b.logGroupName(group).logStreamName("s")
                .startTime(start + 2).endTime(start + 5).startFromHead(true));
        assertEquals(messages(2, 5), messages(range));
    }

    @Test
    void emptyStreamTokensLetAPollerSeeLaterEvents() {
        String group = newGroup(client, "empty");
        newStream(client, group, "s");
        GetLogEventsResponse empty = client.getLogEvents(b -> b.logGroupName(group).logStreamName("s"));
        assertTrue(empty.events().isEmpty());
        GetLogEventsResponse again = client.getLogEvents(b -> b.logGroupName(group).logStreamName("s")
                .nextToken(empty.nextForwardToken()));
        assertEquals(empty.nextForwardToken(), again.nextForwardToken());
        put(client, group, "s", List.of(event(System.currentTimeMillis(), "hello")));
        GetLogEventsResponse later = client.getLogEvents(b -> b.logGroupName(group).logStreamName("s")
                .nextToken(empty.nextForwardToken()));
        assertEquals(List.of("hello"), messages(later));
    }

    @Test
    void eventsFromSeveralBatchesComeBackInTimestampOrder() {
        String group = newGroup(client, "order");
        newStream(client, group, "s");
        long now = System.currentTimeMillis();
        put(client, group, "s", List.of(event(now - 100, "b"), event(now - 50, "d")));
        put(client, group, "s", List.of(event(now - 200, "a"), event(now - 70, "c")));
        assertEquals(List.of("a", "b", "c", "d"), messages(client.getLogEvents(b -> b.logGroupName(group)
                .logStreamName("s").startFromHead(true))));
    }

    @Test
    void batchRulesFailTheWholeRequest() {
        String group = newGroup(client, "rules");
        newStream(client, group, "s");
        long now = System.currentTimeMillis();

        InvalidParameterException order = assertThrows(InvalidParameterException.class,
                () -> put(client, group, "s", List.of(event(now, "b"), event(now - 1, "a"))));
        assertTrue(order.getMessage().startsWith(
                "Log events in a single PutLogEvents request must be in chronological order."), order.getMessage());

        InvalidParameterException span = assertThrows(InvalidParameterException.class,
                () -> put(client, group, "s", List.of(event(now - 2 * DAY, "a"), event(now, "b"))));
        assertTrue(span.getMessage().contains("cannot span more than 24 hours"), span.getMessage());

        InvalidParameterException tooMany = assertThrows(InvalidParameterException.class,
                () -> put(client, group, "s", events(now - 20_000, 10_001, "x")));
        assertTrue(tooMany.getMessage().contains("less than or equal to 10000"), tooMany.getMessage());

        String big = "x".repeat(262_144);
        List<InputLogEvent> fourQuarters = List.of(event(now, big), event(now, big), event(now, big),
                event(now, big));
        InvalidParameterException tooLarge = assertThrows(InvalidParameterException.class,
                () -> put(client, group, "s", fourQuarters));
        assertTrue(tooLarge.getMessage().startsWith("Upload too large: 1048680 bytes exceeds limit of 1048576"),
                tooLarge.getMessage());

        assertThrows(InvalidParameterException.class, () -> put(client, group, "s", List.of(event(now, ""))));
        assertTrue(client.getLogEvents(b -> b.logGroupName(group).logStreamName("s")).events().isEmpty());

        // Exactly at the limits is fine.
        put(client, group, "s", events(now - 20_000, 10_000, "ok"));
        assertEquals(10_000, client.getLogEvents(b -> b.logGroupName(group).logStreamName("s")).events().size());
    }

    @Test
    void tooOldTooNewAndExpiredEventsAreSkippedAndReported() {
        String group = newGroup(client, "rejected");
        newStream(client, group, "s");
        long now = System.currentTimeMillis();
        PutLogEventsResponse response = client.putLogEvents(b -> b.logGroupName(group).logStreamName("s")
                .logEvents(event(now - 15 * DAY, "too-old-0"), event(now - 15 * DAY + 1, "too-old-1"),
                        event(now - HOUR, "ok"), event(now + 3 * HOUR, "too-new")));
        RejectedLogEventsInfo rejected = response.rejectedLogEventsInfo();
        assertEquals(2, rejected.tooOldLogEventEndIndex());
        assertEquals(3, rejected.tooNewLogEventStartIndex());
        assertNull(rejected.expiredLogEventEndIndex());
        assertEquals(List.of("ok"), messages(client.getLogEvents(b -> b.logGroupName(group).logStreamName("s"))));

        client.putRetentionPolicy(b -> b.logGroupName(group).retentionInDays(1));
        RejectedLogEventsInfo expired = client.putLogEvents(b -> b.logGroupName(group).logStreamName("s")
                .logEvents(event(now - 2 * DAY, "expired"), event(now - HOUR, "ok2"))).rejectedLogEventsInfo();
        assertEquals(1, expired.expiredLogEventEndIndex());
        assertNull(expired.tooOldLogEventEndIndex());
    }

    @Test
    void missingGroupOrStream() {
        String group = newGroup(client, "missing");
        long now = System.currentTimeMillis();
        ResourceNotFoundException stream = assertThrows(ResourceNotFoundException.class,
                () -> put(client, group, "nope", List.of(event(now, "x"))));
        assertTrue(stream.getMessage().startsWith("The specified log stream does not exist."), stream.getMessage());
        ResourceNotFoundException noGroup = assertThrows(ResourceNotFoundException.class,
                () -> put(client, group + "-x", "s", List.of(event(now, "x"))));
        assertTrue(noGroup.getMessage().startsWith("The specified log group does not exist."), noGroup.getMessage());
        assertThrows(ResourceNotFoundException.class,
                () -> client.getLogEvents(b -> b.logGroupName(group).logStreamName("nope")));
        newStream(client, group, "s");
        assertThrows(InvalidParameterException.class,
                () -> client.getLogEvents(b -> b.logGroupName(group).logStreamName("s").nextToken("garbage")));
    }

    static List<String> messages(GetLogEventsResponse response) {
        return response.events().stream().map(OutputLogEvent::message).toList();
    }

    static List<String> messages(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add("m-" + i);
        }
        return out;
    }
}
