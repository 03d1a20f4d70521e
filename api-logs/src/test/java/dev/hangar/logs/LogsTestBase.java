package dev.hangar.logs;

import dev.hangar.core.http.HangarServer;
import dev.hangar.testsupport.TestClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hangar in this JVM on an ephemeral port with CloudWatch Logs, and a real SDK v2 client pointed at it. Every test
 * uses its own group names, so the classes share one server's state without interfering.
 */
abstract class LogsTestBase {

    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    private static final AtomicInteger NAMES = new AtomicInteger();

    static LogsService logs;
    static HangarServer server;
    static CloudWatchLogsClient client;

    @BeforeAll
    static void startHangar() throws Exception {
        logs = new LogsService();
        server = HangarServer.builder().host("127.0.0.1").port(0).service(logs).build().start();
        client = TestClients.pointedAt(CloudWatchLogsClient.builder(), server.endpoint());
    }

    @AfterAll
    static void stopHangar() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        server = null;
    }

    /** A group name no other test uses. */
    static String unique(String base) {
        return base + "-" + NAMES.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
    }

    static String newGroup(String base) {
        String name = unique(base);
        client.createLogGroup(b -> b.logGroupName(name));
        return name;
    }

    static void newStream(String group, String stream) {
        client.createLogStream(b -> b.logGroupName(group).logStreamName(stream));
    }

    static InputLogEvent event(long timestamp, String message) {
        return InputLogEvent.builder().timestamp(timestamp).message(message).build();
    }

    /** n events "prefix-0" .. "prefix-(n-1)", one millisecond apart from start. */
    static List<InputLogEvent> events(long start, int n, String prefix) {
        List<InputLogEvent> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(event(start + i, prefix + "-" + i));
        }
        return out;
    }

    static void put(String group, String stream, List<InputLogEvent> events) {
        client.putLogEvents(b -> b.logGroupName(group).logStreamName(stream).logEvents(events));
    }
}
