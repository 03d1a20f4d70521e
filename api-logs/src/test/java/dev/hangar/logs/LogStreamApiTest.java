package dev.hangar.logs;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

import java.util.ArrayList;
import java.util.List;

import static dev.hangar.logs.LogsTestData.event;
import static dev.hangar.logs.LogsTestData.newGroup;
import static dev.hangar.logs.LogsTestData.newStream;
import static dev.hangar.logs.LogsTestData.put;
import static dev.hangar.logs.LogsTestData.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogStreamApiTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(LogsService::new).build();
    static CloudWatchLogsClient client;

    @BeforeAll
    static void clients() {
        client = hangar.client(CloudWatchLogsClient.class);
    }

    @Test
    void createDescribeDeleteWithEventTimes() {
        String group = newGroup(client, "streams");
        newStream(client, group, "2026/11/25/[$LATEST]abc");
        LogStream empty = client.describeLogStreams(b -> b.logGroupName(group)).logStreams().get(0);
        assertEquals("2026/11/25/[$LATEST]abc", empty.logStreamName());
        assertEquals("arn:aws:logs:us-east-1:000000000000:log-group:" + group
                + ":log-stream:2026/11/25/[$LATEST]abc", empty.arn());
        assertNull(empty.firstEventTimestamp());
        assertNull(empty.lastEventTimestamp());
        assertNull(empty.uploadSequenceToken());

        long now = System.currentTimeMillis();
        put(client, group, "2026/11/25/[$LATEST]abc", List.of(event(now - 5000, "first"), event(now - 1000, "last")));
        LogStream stream = client.describeLogStreams(b -> b.logGroupName(group)).logStreams().get(0);
        assertEquals(now - 5000, stream.firstEventTimestamp());
        assertEquals(now - 1000, stream.lastEventTimestamp());
        assertTrue(stream.lastIngestionTime() >= now);
        assertNotNull(stream.uploadSequenceToken());
        assertEquals(0L, stream.storedBytes());
        assertEquals(9L, client.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().get(0)
                .storedBytes());

        ResourceAlreadyExistsException dup = assertThrows(ResourceAlreadyExistsException.class,
                () -> newStream(client, group, "2026/11/25/[$LATEST]abc"));
        assertTrue(dup.getMessage().startsWith("The specified log stream already exists"), dup.getMessage());

        client.deleteLogStream(b -> b.logGroupName(group).logStreamName("2026/11/25/[$LATEST]abc"));
        assertTrue(client.describeLogStreams(b -> b.logGroupName(group)).logStreams().isEmpty());
        ResourceNotFoundException gone = assertThrows(ResourceNotFoundException.class,
                () -> client.deleteLogStream(b -> b.logGroupName(group).logStreamName("2026/11/25/[$LATEST]abc")));
        assertTrue(gone.getMessage().startsWith("The specified log stream does not exist."), gone.getMessage());
    }

    @Test
    void streamsNeedTheirGroupAndValidNames() {
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> newStream(client, unique("no-such-group"), "s"));
        assertTrue(e.getMessage().startsWith("The specified log group does not exist."), e.getMessage());
        String group = newGroup(client, "names");
        assertThrows(InvalidParameterException.class, () -> newStream(client, group, "a:b"));
        assertThrows(ResourceNotFoundException.class,
                () -> client.describeLogStreams(b -> b.logGroupName(group + "-missing")));
    }

    @Test
    void describeByNamePrefixDescendingAndPages() {
        String group = newGroup(client, "listing");
        for (String s : List.of("app/b", "app/a", "web/1", "app/c", "app/d", "web/2")) {
            newStream(client, group, s);
        }
        assertEquals(List.of("app/a", "app/b", "app/c", "app/d"), names(client.describeLogStreams(
                b -> b.logGroupName(group).logStreamNamePrefix("app/"))));
        assertEquals(List.of("web/2", "web/1", "app/d", "app/c", "app/b", "app/a"), names(client.describeLogStreams(
                b -> b.logGroupName(group).descending(true))));

        List<String> paged = new ArrayList<>();
        client.describeLogStreamsPaginator(b -> b.logGroupName(group).limit(4).descending(true))
                .logStreams().forEach(s -> paged.add(s.logStreamName()));
        assertEquals(List.of("web/2", "web/1", "app/d", "app/c", "app/b", "app/a"), paged);

        DescribeLogStreamsResponse first = client.describeLogStreams(b -> b.logGroupName(group).limit(5));
        assertEquals(5, first.logStreams().size());
        assertNotNull(first.nextToken());
        DescribeLogStreamsResponse second = client.describeLogStreams(b -> b.logGroupName(group).limit(5)
                .nextToken(first.nextToken()));
        assertEquals(List.of("web/2"), names(second));
        assertNull(second.nextToken());
    }

    @Test
    void describeByLastEventTime() {
        String group = newGroup(client, "by-time");
        long now = System.currentTimeMillis();
        for (String s : List.of("old", "new", "mid", "none")) {
            newStream(client, group, s);
        }
        put(client, group, "new", List.of(event(now - 1000, "x")));
        put(client, group, "old", List.of(event(now - 30000, "x")));
        put(client, group, "mid", List.of(event(now - 10000, "x")));

        assertEquals(List.of("new", "mid", "old", "none"), names(client.describeLogStreams(
                b -> b.logGroupName(group).orderBy(OrderBy.LAST_EVENT_TIME).descending(true))));
        List<String> ascending = new ArrayList<>();
        client.describeLogStreamsPaginator(b -> b.logGroupName(group).orderBy(OrderBy.LAST_EVENT_TIME).limit(1))
                .logStreams().forEach(s -> ascending.add(s.logStreamName()));
        assertEquals(List.of("none", "old", "mid", "new"), ascending);

        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> client.describeLogStreams(
                b -> b.logGroupName(group).orderBy(OrderBy.LAST_EVENT_TIME).logStreamNamePrefix("n")));
        assertTrue(e.getMessage().contains("LastEventTime"), e.getMessage());
    }

    @Test
    void describeByGroupArn() {
        String group = newGroup(client, "by-arn");
        newStream(client, group, "s1");
        String arn = client.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().get(0).arn();
        assertEquals(List.of("s1"), names(client.describeLogStreams(b -> b.logGroupIdentifier(arn))));
    }

    private static List<String> names(DescribeLogStreamsResponse response) {
        return response.logStreams().stream().map(LogStream::logStreamName).toList();
    }
}
