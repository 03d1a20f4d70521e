package dev.hangar.ecs;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hangar.testsupport.Await;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;

import java.util.List;

import static dev.hangar.ecs.EcsTestData.awaitStatus;
import static dev.hangar.ecs.EcsTestData.container;
import static dev.hangar.ecs.EcsTestData.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hangar's own log of tasks at INFO (runtime/TaskEventLog): one line when a task starts, one when it stops. */
class TaskEventLogTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).fakeRuntime().build();
    static final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    static final Logger logger = (Logger) LoggerFactory.getLogger("dev.hangar.ecs.tasks");

    @BeforeAll
    static void capture() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterAll
    static void release() {
        logger.detachAppender(appender);
    }

    private static List<String> lines(String taskId) {
        synchronized (appender.list) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(taskId))
                    .toList();
        }
    }

    @Test
    void aTaskStartAndStopAreLoggedOnceEach() {
        EcsClient client = hangar.client(EcsClient.class);
        client.createCluster(b -> b.clusterName("logged"));
        register(client, "logweb", container("web", "img/web").portMappings(p -> p.containerPort(8080)),
                container("side", "img/side"));
        Task task = client.runTask(b -> b.cluster("logged").taskDefinition("logweb")).tasks().get(0);
        String id = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        Task running = awaitStatus(client, "logged", task.taskArn(), "RUNNING");
        int hostPort = running.containers().stream().filter(c -> c.name().equals("web")).findFirst().orElseThrow()
                .networkBindings().get(0).hostPort();
        Await.until("the start line", () -> lines(id), l -> l.size() == 1);
        assertEquals("ECS task " + id + " started: logweb:1 in cluster logged, containers web (127.0.0.1:" + hostPort
                + "->8080/tcp), side", lines(id).get(0));

        client.stopTask(b -> b.cluster("logged").task(task.taskArn()).reason("enough"));
        awaitStatus(client, "logged", task.taskArn(), "STOPPED");
        Await.until("the stop line", () -> lines(id), l -> l.size() == 2);
        assertEquals("ECS task " + id + " stopped: logweb:1 in cluster logged, UserInitiated: enough", lines(id).get(1));
    }

    @Test
    void aTaskThatFailsToStartIsLoggedWithItsReason() {
        EcsClient client = hangar.client(EcsClient.class);
        client.createCluster(b -> b.clusterName("logged2"));
        hangar.fake().failPull("img/nopull", "no such image");
        register(client, "nopull", container("main", "img/nopull"));
        hangar.fake().absentImage("img/nopull");
        Task task = client.runTask(b -> b.cluster("logged2").taskDefinition("nopull")).tasks().get(0);
        String id = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        awaitStatus(client, "logged2", task.taskArn(), "STOPPED");
        Await.until("the stop line", () -> lines(id), l -> l.size() == 1);
        assertTrue(lines(id).get(0).startsWith("ECS task " + id + " stopped: nopull:1 in cluster logged2,"
                + " TaskFailedToStart: CannotPullContainerError: "), lines(id).get(0));
    }
}
