package dev.hangar.logs;

import dev.hangar.testsupport.Pages;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.TooManyTagsException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.hangar.logs.LogsTestData.ACCOUNT;
import static dev.hangar.logs.LogsTestData.REGION;
import static dev.hangar.logs.LogsTestData.event;
import static dev.hangar.logs.LogsTestData.events;
import static dev.hangar.logs.LogsTestData.newGroup;
import static dev.hangar.logs.LogsTestData.newStream;
import static dev.hangar.logs.LogsTestData.put;
import static dev.hangar.logs.LogsTestData.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AWS's tag rules, which CloudWatch Logs used to skip, and page tokens bound to the request they came from. */
class TagLimitsAndTokensTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(LogsService::new).build();
    static CloudWatchLogsClient client;

    @BeforeAll
    static void clients() {
        client = hangar.client(CloudWatchLogsClient.class);
    }

    private static Map<String, String> tags(int n, String prefix) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(prefix + i, "v");
        }
        return out;
    }

    private static String arn(String group) {
        return "arn:aws:logs:" + REGION + ":" + ACCOUNT + ":log-group:" + group;
    }

    @Test
    void fiftyTagsPerLogGroup() {
        String group = newGroup(client, "tag-limit");
        client.tagResource(b -> b.resourceArn(arn(group)).tags(tags(50, "k")));
        client.tagResource(b -> b.resourceArn(arn(group)).tags(Map.of("k7", "replaced")));
        TooManyTagsException tooMany = assertThrows(TooManyTagsException.class,
                () -> client.tagResource(b -> b.resourceArn(arn(group)).tags(Map.of("one-more", "v"))));
        assertEquals("A resource can have no more than 50 tags.", tooMany.awsErrorDetails().errorMessage());
        assertEquals(arn(group), tooMany.resourceName());
        assertEquals(400, tooMany.statusCode());
        InvalidParameterException viaTagLogGroup = assertThrows(InvalidParameterException.class,
                () -> client.tagLogGroup(b -> b.logGroupName(group).tags(Map.of("one-more", "v"))));
        assertEquals("A resource can have no more than 50 tags.", viaTagLogGroup.awsErrorDetails().errorMessage());
        Map<String, String> stored = client.listTagsForResource(b -> b.resourceArn(arn(group))).tags();
        assertEquals(50, stored.size());
        assertEquals("replaced", stored.get("k7"));
    }

    @Test
    void theRequestItselfIsValidatedAsTheModelSays() {
        String group = newGroup(client, "tag-model");
        InvalidParameterException count = assertThrows(InvalidParameterException.class,
                () -> client.createLogGroup(b -> b.logGroupName(unique("too-many")).tags(tags(51, "k"))));
        assertTrue(count.awsErrorDetails().errorMessage().startsWith("1 validation error detected: Value '{"),
                count.awsErrorDetails().errorMessage());
        assertTrue(count.awsErrorDetails().errorMessage().endsWith("}' at 'tags' failed to satisfy constraint: "
                + "Member must have length less than or equal to 50"), count.awsErrorDetails().errorMessage());

        InvalidParameterException key = assertThrows(InvalidParameterException.class,
                () -> client.tagLogGroup(b -> b.logGroupName(group).tags(Map.of("bad,key", "v"))));
        assertEquals("1 validation error detected: Value '{bad,key=v}' at 'tags' failed to satisfy constraint: "
                + "Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must "
                + "have length greater than or equal to 1, Member must satisfy regular expression pattern: "
                + "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)$]", key.awsErrorDetails().errorMessage());
        InvalidParameterException value = assertThrows(InvalidParameterException.class,
                () -> client.tagResource(b -> b.resourceArn(arn(group)).tags(Map.of("k", "x".repeat(257)))));
        assertTrue(value.awsErrorDetails().errorMessage().contains("Map value must satisfy constraint: [Member must "
                + "have length less than or equal to 256"), value.awsErrorDetails().errorMessage());
        assertThrows(InvalidParameterException.class,
                () -> client.tagResource(b -> b.resourceArn(arn(group)).tags(Map.of("aws:reserved", "v"))));
        assertTrue(client.listTagsLogGroup(b -> b.logGroupName(group)).tags().isEmpty(), "nothing refused is kept");
    }

    @Test
    void aTokenWorksOnlyWithTheFilterItWasMadeFor() {
        String prefix = unique("/tokens/");
        for (int i = 0; i < 4; i++) {
            int n = i;
            client.createLogGroup(b -> b.logGroupName(prefix + "g" + n));
        }
        DescribeLogGroupsResponse first = client.describeLogGroups(b -> b.logGroupNamePrefix(prefix).limit(2));
        String token = first.nextToken();
        InvalidParameterException other = assertThrows(InvalidParameterException.class,
                () -> client.describeLogGroups(b -> b.logGroupNamePrefix(prefix + "g").limit(2).nextToken(token)));
        assertEquals("The specified nextToken is invalid.", other.awsErrorDetails().errorMessage());
        assertThrows(InvalidParameterException.class,
                () -> client.describeLogStreams(b -> b.logGroupName(prefix + "g0").nextToken(token)),
                "another operation's token");
        // the page size is not part of the filter: a client may change it between pages
        assertEquals(List.of(prefix + "g2", prefix + "g3"), client.describeLogGroups(b -> b
                .logGroupNamePrefix(prefix).limit(5).nextToken(token)).logGroups().stream()
                .map(LogGroup::logGroupName).toList());

        String group = newGroup(client, "filter-tokens");
        newStream(client, group, "s");
        long start = System.currentTimeMillis() - 60_000;
        put(client, group, "s", events(start, 10, "hit"));
        FilterLogEventsResponse page = client.filterLogEvents(b -> b.logGroupName(group).filterPattern("hit").limit(3));
        assertThrows(InvalidParameterException.class, () -> client.filterLogEvents(b -> b.logGroupName(group)
                .filterPattern("miss").limit(3).nextToken(page.nextToken())));
        assertThrows(InvalidParameterException.class, () -> client.filterLogEvents(b -> b.logGroupName(group)
                .filterPattern("hit").startTime(start + 1).nextToken(page.nextToken())));
        assertEquals(3, client.filterLogEvents(b -> b.logGroupName(group).filterPattern("hit").limit(3)
                .nextToken(page.nextToken())).events().size());
    }

    @Test
    void streamPagesStayRightWhenTheNextStreamIsDeleted() {
        String group = newGroup(client, "stream-pages");
        for (String s : List.of("a", "b", "c", "d", "e")) {
            newStream(client, group, s);
        }
        DescribeLogStreamsResponse first = client.describeLogStreams(b -> b.logGroupName(group).limit(2));
        client.deleteLogStream(b -> b.logGroupName(group).logStreamName("c"));
        List<String> rest = Pages.after(first.nextToken(), t -> client.describeLogStreams(b -> b.logGroupName(group)
                .limit(2).nextToken(t)), DescribeLogStreamsResponse::nextToken,
                page -> page.logStreams().stream().map(LogStream::logStreamName).toList());
        assertEquals(List.of("d", "e"), rest);

        long now = System.currentTimeMillis();
        put(client, group, "a", List.of(event(now - 1000, "x")));
        DescribeLogStreamsResponse byTime = client.describeLogStreams(b -> b.logGroupName(group)
                .orderBy(OrderBy.LAST_EVENT_TIME).descending(true).limit(1));
        assertEquals("a", byTime.logStreams().get(0).logStreamName());
        assertThrows(InvalidParameterException.class, () -> client.describeLogStreams(b -> b.logGroupName(group)
                .orderBy(OrderBy.LAST_EVENT_TIME).limit(1).nextToken(byTime.nextToken())), "descending is a filter");
        assertNull(client.describeLogStreams(b -> b.logGroupName(group).orderBy(OrderBy.LAST_EVENT_TIME)
                .descending(true).limit(10).nextToken(byTime.nextToken())).nextToken());
    }
}
