package dev.hangar.logs;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.SearchedLogStream;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;

import static dev.hangar.logs.LogsTestData.event;
import static dev.hangar.logs.LogsTestData.newGroup;
import static dev.hangar.logs.LogsTestData.newStream;
import static dev.hangar.logs.LogsTestData.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilterLogEventsTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(LogsService::new).build();
    static CloudWatchLogsClient client;

    @BeforeAll
    static void clients() {
        client = hangar.client(CloudWatchLogsClient.class);
    }

    private static final List<String> LINES = List.of(
            "INFO started",
            "ERROR Connection refused",
            "WARN retrying connection",
            "ERROR NullPointerException at Foo",
            "INFO Internal Server Error handled",
            "error lower-case is a different term",
            "request_id=42 latency=17ms");

    /** A group with LINES spread over two streams, interleaved in time; returns its name. */
    private static String sample(long start) {
        String group = newGroup(client, "filter");
        newStream(client, group, "app/1");
        newStream(client, group, "app/2");
        newStream(client, group, "web/1");
        List<software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent> one = new ArrayList<>();
        List<software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent> two = new ArrayList<>();
        for (int i = 0; i < LINES.size(); i++) {
            (i % 2 == 0 ? one : two).add(event(start + i, LINES.get(i)));
        }
        put(client, group, "app/1", one);
        put(client, group, "app/2", two);
        return group;
    }

    private static List<String> filter(String group, String pattern) {
        return messages(client.filterLogEvents(b -> b.logGroupName(group).filterPattern(pattern)));
    }

    @Test
    void noPatternInterleavesAllStreamsByTime() {
        long start = System.currentTimeMillis() - 60_000;
        String group = sample(start);
        FilterLogEventsResponse all = client.filterLogEvents(b -> b.logGroupName(group));
        assertEquals(LINES, messages(all));
        assertNull(all.nextToken());
        FilteredLogEvent first = all.events().get(0);
        assertEquals("app/1", first.logStreamName());
        assertEquals(start, first.timestamp());
        assertTrue(first.eventId().matches("\\d{56}"), first.eventId());
        assertEquals("app/2", all.events().get(1).logStreamName());
        assertEquals(LINES.size(), all.events().stream().map(FilteredLogEvent::eventId).distinct().count());
        assertEquals(List.of("app/1", "app/2", "web/1"),
                all.searchedLogStreams().stream().map(SearchedLogStream::logStreamName).toList());
        assertEquals(LINES, filter(group, ""));
    }

    @Test
    void plainTermsMustAllMatchCaseSensitively() {
        String group = sample(System.currentTimeMillis() - 60_000);
        assertEquals(List.of("ERROR Connection refused", "ERROR NullPointerException at Foo"),
                filter(group, "ERROR"));
        assertEquals(List.of("ERROR Connection refused"), filter(group, "ERROR Connection"));
        assertEquals(List.of("error lower-case is a different term"), filter(group, "error"));
        assertEquals(List.of(), filter(group, "ERROR retrying"));
    }

    @Test
    void quotedPhrasesMatchExactly() {
        String group = sample(System.currentTimeMillis() - 60_000);
        assertEquals(List.of("INFO Internal Server Error handled"), filter(group, "\"Internal Server Error\""));
        assertEquals(List.of(), filter(group, "\"Server Internal\""));
        assertEquals(List.of("request_id=42 latency=17ms"), filter(group, "\"request_id=42\""));
    }

    @Test
    void questionMarkTermsAreAlternatives() {
        String group = sample(System.currentTimeMillis() - 60_000);
        assertEquals(List.of("ERROR Connection refused", "WARN retrying connection",
                "ERROR NullPointerException at Foo"), filter(group, "?ERROR ?WARN"));
    }

    @Test
    void minusTermsExclude() {
        String group = sample(System.currentTimeMillis() - 60_000);
        assertEquals(List.of("ERROR NullPointerException at Foo"), filter(group, "ERROR -Connection"));
        assertEquals(List.of("INFO started", "WARN retrying connection", "INFO Internal Server Error handled",
                "error lower-case is a different term", "request_id=42 latency=17ms"), filter(group, "-ERROR"));
    }

    @Test
    void regexTerms() {
        String group = sample(System.currentTimeMillis() - 60_000);
        assertEquals(List.of("request_id=42 latency=17ms"), filter(group, "%latency=[0-9]+ms%"));
        assertEquals(List.of("INFO started", "INFO Internal Server Error handled"), filter(group, "%^INFO%"));
    }

    @Test
    void unsupportedPatternsAreRefusedNotMatchedLoosely() {
        String group = sample(System.currentTimeMillis() - 60_000);
        InvalidParameterException json = assertThrows(InvalidParameterException.class,
                () -> filter(group, "{ $.level = \"ERROR\" }"));
        assertTrue(json.getMessage().contains("not supported by Hangar"), json.getMessage());
        InvalidParameterException delimited = assertThrows(InvalidParameterException.class,
                () -> filter(group, "[ip, user, status=404]"));
        assertTrue(delimited.getMessage().contains("not supported by Hangar"), delimited.getMessage());
        assertThrows(InvalidParameterException.class, () -> filter(group, "\"unterminated"));
    }

    @Test
    void streamSelectionAndTimeRange() {
        long start = System.currentTimeMillis() - 60_000;
        String group = sample(start);
        assertEquals(List.of("INFO started", "WARN retrying connection", "INFO Internal Server Error handled",
                "request_id=42 latency=17ms"),
                messages(client.filterLogEvents(b -> b.logGroupName(group).logStreamNames("app/1"))));
        assertEquals(LINES, messages(client.filterLogEvents(b -> b.logGroupName(group).logStreamNamePrefix("app/"))));
        assertEquals(List.of(), messages(client.filterLogEvents(b -> b.logGroupName(group)
                .logStreamNamePrefix("web/"))));
        // startTime and endTime are both inclusive here.
        assertEquals(LINES.subList(2, 5), messages(client.filterLogEvents(b -> b.logGroupName(group)
                .startTime(start + 2).endTime(start + 4))));
        assertThrows(InvalidParameterException.class, () -> client.filterLogEvents(b -> b.logGroupName(group)
                .logStreamNames("app/1").logStreamNamePrefix("app/")));
    }

    @Test
    void groupByIdentifierAndMissingGroup() {
        String group = sample(System.currentTimeMillis() - 60_000);
        String arn = client.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().get(0).logGroupArn();
        assertEquals(LINES, messages(client.filterLogEvents(b -> b.logGroupIdentifier(arn))));
        assertEquals(LINES, messages(client.filterLogEvents(b -> b.logGroupIdentifier(group))));
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> client.filterLogEvents(b -> b.logGroupName(group + "-missing")));
        assertTrue(e.getMessage().startsWith("The specified log group does not exist."), e.getMessage());
        assertThrows(InvalidParameterException.class,
                () -> client.filterLogEvents(b -> b.logGroupName(group).logGroupIdentifier(arn)));
    }

    @Test
    void pagesWithNextTokenUntilDone() {
        String group = newGroup(client, "filter-pages");
        newStream(client, group, "a");
        newStream(client, group, "b");
        long start = System.currentTimeMillis() - 60_000;
        List<software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent> a = new ArrayList<>();
        List<software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent> b = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            a.add(event(start + i, (i % 5 == 0 ? "hit " : "miss ") + "a" + i));
            b.add(event(start + i, (i % 5 == 0 ? "hit " : "miss ") + "b" + i));
        }
        put(client, group, "a", a);
        put(client, group, "b", b);

        List<String> seen = new ArrayList<>();
        Consumer<FilterLogEventsRequest.Builder> request = r -> r.logGroupName(group).filterPattern("hit").limit(3);
        String token = null;
        int pages = 0;
        do {
            String t = token;
            FilterLogEventsResponse page = client.filterLogEvents(r -> request.andThen(x -> x.nextToken(t))
                    .accept(r));
            assertTrue(page.events().size() <= 3);
            seen.addAll(messages(page));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(20, seen.size());
        assertEquals(7, pages);
        assertEquals("hit a0", seen.get(0));
        assertEquals("hit b0", seen.get(1));
        assertEquals("hit b45", seen.get(19));

        List<String> viaPaginator = new ArrayList<>();
        client.filterLogEventsPaginator(request).events().forEach(e -> viaPaginator.add(e.message()));
        assertEquals(seen, viaPaginator);
        assertEquals(20, new HashSet<>(seen).size());

        FilterLogEventsResponse exact = client.filterLogEvents(r -> r.logGroupName(group).filterPattern("hit")
                .limit(20));
        assertEquals(20, exact.events().size());
        assertNull(exact.nextToken(), "no token when nothing more matches");
        assertNotNull(client.filterLogEvents(r -> r.logGroupName(group).limit(99)).nextToken());
    }

    static List<String> messages(FilterLogEventsResponse response) {
        return response.events().stream().map(FilteredLogEvent::message).toList();
    }
}
