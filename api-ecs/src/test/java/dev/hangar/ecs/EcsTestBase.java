package dev.hangar.ecs;

import dev.hangar.core.http.HangarServer;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.DockerContainerRuntime;
import dev.hangar.testsupport.TestClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hangar in this JVM on an ephemeral port with ECS over a real Docker engine, and an SDK v2 client pointed at it.
 * Each test class gets its own runtime instance, whose containers are all removed after the class.
 */
abstract class EcsTestBase {

    static final String BUSYBOX = "hangar-test/busybox:latest";
    static final String WEB = "hangar-test/web:latest";

    static ContainerRuntime runtime;
    static ExecutorService workers;
    static EcsService ecs;
    static HangarServer server;
    /** Everything the awslogs driver would have shipped to CloudWatch Logs. */
    static final CapturedLogs logs = new CapturedLogs();
    static EcsClient client;

    @BeforeAll
    static void startHangar() throws Exception {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "ecs-test-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        runtime = DockerContainerRuntime.connect("ecs-test-" + Long.toHexString(System.nanoTime()));
        ecs = new EcsService(runtime, workers, logs);
        server = HangarServer.builder().host("127.0.0.1").port(0).workers(workers).service(ecs).build().start();
        client = clientFor(server);
    }

    static EcsClient clientFor(HangarServer server) {
        return TestClients.pointedAt(EcsClient.builder(), server.endpoint());
    }

    @AfterAll
    static void stopHangar() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        if (ecs != null) {
            ecs.reset();
        }
        if (runtime != null) {
            runtime.removeAll();
            runtime.close();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    /** The error's message as the wire carried it. */
    static String message(software.amazon.awssdk.awscore.exception.AwsServiceException e) {
        return e.awsErrorDetails().errorMessage();
    }

    static ContainerDefinition.Builder container(String name, String image, String... command) {
        ContainerDefinition.Builder b = ContainerDefinition.builder().name(name).image(image).memory(64);
        if (command.length > 0) {
            b.command(command);
        }
        return b;
    }

    static ContainerDefinition.Builder shell(String name, String script) {
        return container(name, BUSYBOX, "sh", "-c", script);
    }

    static TaskDefinition register(String family, ContainerDefinition.Builder... containers) {
        return client.registerTaskDefinition(RegisterTaskDefinitionRequest.builder()
                .family(family)
                .containerDefinitions(java.util.Arrays.stream(containers).map(ContainerDefinition.Builder::build).toList())
                .build()).taskDefinition();
    }

    static Task describe(String cluster, String taskArn) {
        return describe(client, cluster, taskArn);
    }

    static Task describe(EcsClient client, String cluster, String taskArn) {
        List<Task> tasks = client.describeTasks(DescribeTasksRequest.builder().cluster(cluster).tasks(taskArn).build())
                .tasks();
        return tasks.isEmpty() ? null : tasks.get(0);
    }

    /** Polls DescribeTasks until the task matches, failing with its last state after the deadline. */
    static Task await(String cluster, String taskArn, Duration timeout, Predicate<Task> condition) {
        return await(client, cluster, taskArn, timeout, condition);
    }

    static Task await(EcsClient client, String cluster, String taskArn, Duration timeout, Predicate<Task> condition) {
        Instant deadline = Instant.now().plus(timeout);
        Task last = null;
        while (Instant.now().isBefore(deadline)) {
            last = describe(client, cluster, taskArn);
            if (last != null && condition.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("task did not reach the expected state within " + timeout + "; last: " + last);
    }

    static Task awaitStatus(String cluster, String taskArn, String lastStatus) {
        return await(cluster, taskArn, Duration.ofSeconds(60), t -> lastStatus.equals(t.lastStatus()));
    }
}
