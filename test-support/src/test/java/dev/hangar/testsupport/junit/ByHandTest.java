package dev.hangar.testsupport.junit;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

import java.net.HttpURLConnection;
import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outside JUnit's callbacks: start and close by hand, and a start that fails on a mis-shaped handler. */
class ByHandTest {

    @Test
    void startsAndClosesByHand() throws Exception {
        URI endpoint;
        try (HangarExtension hangar = HangarExtension.builder().service(GroupsService::new).build().start()) {
            endpoint = hangar.endpoint();
            hangar.client(CloudWatchLogsClient.class).describeLogGroups();
            assertThrows(IllegalStateException.class, hangar::start, "one Hangar at a time");
        }
        HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/_hangar/health").toURL().openConnection();
        c.setConnectTimeout(1000);
        assertThrows(java.io.IOException.class, c::getResponseCode, "the server is closed");
    }

    @Test
    void notRunningSaysHow() {
        HangarExtension hangar = HangarExtension.builder().service(GroupsService::new).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, hangar::endpoint);
        assertTrue(e.getMessage().contains("@RegisterExtension"), e.getMessage());
        hangar.close();
    }

    @Test
    void aHandlerThatBindsToNoOperationFailsTheStart() {
        HangarExtension hangar = HangarExtension.builder().service(GroupsService.Misnamed::new).build();
        AssertionError e = assertThrows(AssertionError.class, hangar::start);
        assertTrue(e.getMessage().contains("describeLogGroupz"), e.getMessage());
        assertThrows(IllegalStateException.class, hangar::endpoint, "nothing left running");
    }

    @Test
    void theFakeIsOnlyThereWhenAskedFor() {
        try (HangarExtension hangar = HangarExtension.builder().service(GroupsService::new).build().start()) {
            assertThrows(IllegalStateException.class, hangar::fake);
            assertThrows(IllegalStateException.class, hangar::manualClock);
            assertThrows(IllegalArgumentException.class, () -> hangar.client(UncheckedCloseable.class));
        }
    }

    /** Not an SDK client: no builder(). */
    interface UncheckedCloseable extends AutoCloseable {
    }
}
