package dev.hangar.logs;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.hangar.logs.LogsTestData.newGroup;
import static dev.hangar.logs.LogsTestData.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogGroupApiTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(LogsService::new).build();
    static CloudWatchLogsClient client;

    @BeforeAll
    static void clients() {
        client = hangar.client(CloudWatchLogsClient.class);
    }

    @Test
    void createDescribeDelete() {
        String name = unique("/aws/lambda/fn");
        long before = System.currentTimeMillis();
        client.createLogGroup(b -> b.logGroupName(name).tags(Map.of("team", "a")));

        List<LogGroup> found = client.describeLogGroups(b -> b.logGroupNamePrefix(name)).logGroups();
        assertEquals(1, found.size());
        LogGroup group = found.get(0);
        assertEquals(name, group.logGroupName());
        assertEquals("arn:aws:logs:us-east-1:000000000000:log-group:" + name + ":*", group.arn());
        assertEquals("arn:aws:logs:us-east-1:000000000000:log-group:" + name, group.logGroupArn());
        assertTrue(group.creationTime() >= before);
        assertEquals(0L, group.storedBytes());
        assertEquals(0, group.metricFilterCount());
        assertNull(group.retentionInDays());
        assertEquals("STANDARD", group.logGroupClassAsString());
        assertEquals(Map.of("team", "a"), client.listTagsLogGroup(b -> b.logGroupName(name)).tags());

        client.deleteLogGroup(b -> b.logGroupName(name));
        assertTrue(client.describeLogGroups(b -> b.logGroupNamePrefix(name)).logGroups().isEmpty());
    }

    @Test
    void duplicateAndMissingGroupsFailLikeAws() {
        String name = newGroup(client, "dup");
        ResourceAlreadyExistsException exists = assertThrows(ResourceAlreadyExistsException.class,
                () -> client.createLogGroup(b -> b.logGroupName(name)));
        assertTrue(exists.getMessage().startsWith("The specified log group already exists"), exists.getMessage());
        assertEquals(400, exists.statusCode());

        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class,
                () -> client.deleteLogGroup(b -> b.logGroupName(name + "-nope")));
        assertTrue(missing.getMessage().startsWith("The specified log group does not exist."), missing.getMessage());
        assertEquals("ResourceNotFoundException", missing.awsErrorDetails().errorCode());
    }

    @Test
    void invalidNamesAreRejectedWithAwsValidationText() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> client.createLogGroup(b -> b.logGroupName("bad:name")));
        assertTrue(e.getMessage().startsWith("1 validation error detected: Value 'bad:name' at 'logGroupName' "
                + "failed to satisfy constraint: Member must satisfy regular expression pattern"), e.getMessage());
    }

    @Test
    void describePagesByNameWithPrefixAndPattern() {
        String prefix = unique("/paging/");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String name = prefix + "g" + i + (i % 2 == 0 ? "-even" : "-odd");
            client.createLogGroup(b -> b.logGroupName(name));
            names.add(name);
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            DescribeLogGroupsResponse page = client.describeLogGroups(b -> b.logGroupNamePrefix(prefix).limit(3)
                    .nextToken(t));
            page.logGroups().forEach(g -> seen.add(g.logGroupName()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(names, seen);
        assertEquals(3, pages);

        List<String> viaPaginator = new ArrayList<>();
        client.describeLogGroupsPaginator(b -> b.logGroupNamePrefix(prefix).limit(2))
                .logGroups().forEach(g -> viaPaginator.add(g.logGroupName()));
        assertEquals(names, viaPaginator);

        // A case-sensitive substring, anywhere in the name.
        String middle = prefix.substring(1) + "g3";
        List<LogGroup> odd = client.describeLogGroups(b -> b.logGroupNamePattern(middle)).logGroups();
        assertEquals(List.of(prefix + "g3-odd"), odd.stream().map(LogGroup::logGroupName).toList());
        assertNotNull(odd.get(0).arn());
        assertNotNull(odd.get(0).creationTime());
        assertNull(odd.get(0).logGroupArn(), "a pattern search returns only arn, creationTime and logGroupName");

        InvalidParameterException both = assertThrows(InvalidParameterException.class,
                () -> client.describeLogGroups(b -> b.logGroupNamePrefix("a").logGroupNamePattern("b")));
        assertNotNull(both.getMessage());
        assertThrows(InvalidParameterException.class, () -> client.describeLogGroups(b -> b.limit(51)));
    }

    @Test
    void retentionPolicyIsRecorded() {
        String name = newGroup(client, "retention");
        client.putRetentionPolicy(b -> b.logGroupName(name).retentionInDays(7));
        assertEquals(7, client.describeLogGroups(b -> b.logGroupNamePrefix(name)).logGroups().get(0)
                .retentionInDays());
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> client.putRetentionPolicy(b -> b.logGroupName(name).retentionInDays(2)));
        assertTrue(e.getMessage().contains("Member must satisfy enum value set"), e.getMessage());
        client.deleteRetentionPolicy(b -> b.logGroupName(name));
        assertNull(client.describeLogGroups(b -> b.logGroupNamePrefix(name)).logGroups().get(0)
                .retentionInDays());
        assertThrows(ResourceNotFoundException.class,
                () -> client.putRetentionPolicy(b -> b.logGroupName(name + "-x").retentionInDays(1)));
    }

    @Test
    void tagsByNameAndByArn() {
        String name = newGroup(client, "tags");
        client.tagLogGroup(b -> b.logGroupName(name).tags(Map.of("a", "1", "b", "2")));
        client.untagLogGroup(b -> b.logGroupName(name).tags("a"));
        assertEquals(Map.of("b", "2"), client.listTagsLogGroup(b -> b.logGroupName(name)).tags());

        String arn = client.describeLogGroups(b -> b.logGroupNamePrefix(name)).logGroups().get(0).logGroupArn();
        client.tagResource(b -> b.resourceArn(arn).tags(Map.of("c", "3")));
        assertEquals(Map.of("b", "2", "c", "3"), client.listTagsForResource(b -> b.resourceArn(arn)).tags());
        client.untagResource(b -> b.resourceArn(arn + ":*").tagKeys("b"));
        assertEquals(Map.of("c", "3"), client.listTagsForResource(b -> b.resourceArn(arn)).tags());

        assertThrows(ResourceNotFoundException.class,
                () -> client.listTagsForResource(b -> b.resourceArn(arn + "-missing")));
    }
}
