package dev.hangar.logs;

import dev.hangar.testsupport.ServiceFactsCheck;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * CloudWatch Logs carries its generated facts, they match the SDK, and the required members they name are refused
 * the way CloudWatch Logs refuses them: InvalidParameterException, every missing member in one message.
 */
class LogsFactsTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(LogsService::new).build();
    static CloudWatchLogsClient client;
    static LogsService logs;

    @BeforeAll
    static void clients() {
        client = hangar.client(CloudWatchLogsClient.class);
        logs = hangar.service(LogsService.class);
    }

    @Test
    void descriptorCarriesFactsMatchingTheSdk() {
        assertSame(LogsFacts.FACTS, logs.descriptor().facts());
        ServiceFactsCheck.assertMatches(logs.descriptor());
    }

    @Test
    void missingRequiredMembersAreInvalidParameters() {
        InvalidParameterException one = assertThrows(InvalidParameterException.class,
                () -> client.createLogGroup(b -> { }));
        assertEquals("1 validation error detected: Value null at 'logGroupName' failed to satisfy constraint: Member "
                + "must not be null", one.awsErrorDetails().errorMessage());
        assertEquals(400, one.statusCode());

        InvalidParameterException two = assertThrows(InvalidParameterException.class,
                () -> client.putRetentionPolicy(b -> { }));
        assertEquals("2 validation errors detected: Value null at 'logGroupName' failed to satisfy constraint: "
                + "Member must not be null; Value null at 'retentionInDays' failed to satisfy constraint: Member must "
                + "not be null", two.awsErrorDetails().errorMessage());
    }
}
