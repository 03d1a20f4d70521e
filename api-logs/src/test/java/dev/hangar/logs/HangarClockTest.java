package dev.hangar.logs;

import dev.hangar.core.time.ManualClock;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Creation and ingestion times, and PutLogEvents' age limits, are on Hangar's clock. */
class HangarClockTest {

    private static final Instant START = Instant.parse("2031-05-06T07:08:09Z");

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(LogsService::new)
            .clock(new ManualClock(START)).build();

    @Test
    void timesFollowHangarsClock() {
        Instant start = START;
        ManualClock clock = hangar.manualClock();
        CloudWatchLogsClient client = hangar.client(CloudWatchLogsClient.class);
        client.createLogGroup(b -> b.logGroupName("g"));
        assertEquals(start.toEpochMilli(), client.describeLogGroups(b -> b.logGroupNamePrefix("g")).logGroups()
                .get(0).creationTime());
        client.createLogStream(b -> b.logGroupName("g").logStreamName("s"));
        clock.advance(Duration.ofDays(20));
        long now = start.plus(Duration.ofDays(20)).toEpochMilli();
        // the event stamped at the start is 20 days old by Hangar's clock: older than the 14 days AWS takes
        var rejected = client.putLogEvents(b -> b.logGroupName("g").logStreamName("s").logEvents(
                InputLogEvent.builder().timestamp(start.toEpochMilli()).message("old").build(),
                InputLogEvent.builder().timestamp(now - 1000).message("new").build())).rejectedLogEventsInfo();
        assertEquals(1, rejected.tooOldLogEventEndIndex());
        assertNull(rejected.tooNewLogEventStartIndex());
        LogStream stream = client.describeLogStreams(b -> b.logGroupName("g")).logStreams().get(0);
        assertEquals(start.toEpochMilli(), stream.creationTime());
        assertEquals(now, stream.lastIngestionTime());
        assertEquals(now, client.getLogEvents(b -> b.logGroupName("g").logStreamName("s")).events().get(0)
                .ingestionTime());
    }
}
