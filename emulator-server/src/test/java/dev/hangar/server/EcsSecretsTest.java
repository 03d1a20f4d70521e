package dev.hangar.server;

import dev.hangar.testsupport.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A task's container `secrets` resolved at launch from the real Parameter Store (and Secrets Manager) of the same
 * Hangar, as the ECS agent resolves them, and seen by the program inside as environment variables; a parameter that
 * does not exist stops the task with ECS's reason.
 */
class EcsSecretsTest {

    static Hangar hangar;
    static EcsClient ecs;
    static SsmClient ssm;
    static CloudWatchLogsClient logs;
    static SecretsManagerClient secretsManager;

    @BeforeAll
    static void start() throws Exception {
        hangar = Hangar.start(HangarConfig.fromEnvironment(Map.of("HANGAR_PORT", "0")));
        ecs = EcsClient.builder().endpointOverride(hangar.server().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        ssm = SsmClient.builder().endpointOverride(hangar.server().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        logs = CloudWatchLogsClient.builder().endpointOverride(hangar.server().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        secretsManager = SecretsManagerClient.builder().endpointOverride(hangar.server().endpoint())
                .region(Region.US_EAST_1).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create()).build();
        ecs.createCluster(b -> b.clusterName("secrets"));
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    @AfterAll
    static void stop() {
        for (SdkClient c : new SdkClient[] {ecs, ssm, logs, secretsManager}) {
            if (c != null) {
                c.close();
            }
        }
        if (hangar != null) {
            hangar.close();
        }
    }

    private static Task run(String family, String script, List<Secret> secrets) {
        ecs.registerTaskDefinition(b -> b.family(family).executionRoleArn("arn:aws:iam::000000000000:role/exec")
                .containerDefinitions(ContainerDefinition.builder().name("main").image("hangar-test/busybox:latest")
                        .memory(32).command("sh", "-c", script).secrets(secrets)
                        .logConfiguration(LogConfiguration.builder().logDriver(LogDriver.AWSLOGS).options(Map.of(
                                "awslogs-group", "/ecs/secrets", "awslogs-create-group", "true",
                                "awslogs-stream-prefix", family)).build())
                        .build()));
        Task task = ecs.runTask(b -> b.cluster("secrets").taskDefinition(family)).tasks().get(0);
        return Await.until("task stopped", Duration.ofSeconds(60), () -> ecs.describeTasks(b -> b.cluster("secrets")
                .tasks(task.taskArn())).tasks().get(0), t -> "STOPPED".equals(t.lastStatus()));
    }

    @Test
    void parametersBecomeTheContainersEnvironment() {
        ssm.putParameter(b -> b.name("/app/db/password").value("s3cret").type(ParameterType.SECURE_STRING));
        ssm.putParameter(b -> b.name("plain-name").value("hello").type(ParameterType.STRING));
        Task stopped = run("from-ssm", "echo \"pass=$DB_PASS greeting=$GREETING\"", List.of(
                Secret.builder().name("DB_PASS").valueFrom("arn:aws:ssm:us-east-1:000000000000:parameter/app/db/password")
                        .build(),
                Secret.builder().name("GREETING").valueFrom("plain-name").build()));
        assertEquals(0, stopped.containers().get(0).exitCode(), stopped.toString());
        String id = stopped.taskArn().substring(stopped.taskArn().lastIndexOf('/') + 1);
        List<OutputLogEvent> events = Await.until("the container's line", Duration.ofSeconds(30),
                () -> logs.getLogEvents(b -> b.logGroupName("/ecs/secrets").logStreamName("from-ssm/main/" + id))
                        .events(), e -> !e.isEmpty());
        assertEquals("pass=s3cret greeting=hello", events.get(0).message());
    }

    @Test
    void secretsManagerSecretsWholeByJsonKeyAndByStage() {
        String arn = secretsManager.createSecret(b -> b.name("db").secretString("{\"user\":\"app\",\"pw\":\"p1\"}"))
                .arn();
        secretsManager.putSecretValue(b -> b.secretId("db").secretString("{\"user\":\"app\",\"pw\":\"p2\"}"));
        String partial = arn.substring(0, arn.length() - 7);
        Task stopped = run("from-asm", "echo \"$WHOLE|$PW|$OLD_PW\"", List.of(
                Secret.builder().name("WHOLE").valueFrom(arn).build(),
                Secret.builder().name("PW").valueFrom(arn + ":pw::").build(),
                Secret.builder().name("OLD_PW").valueFrom(partial + ":pw:AWSPREVIOUS:").build()));
        assertEquals(0, stopped.containers().get(0).exitCode(), stopped.toString());
        String id = stopped.taskArn().substring(stopped.taskArn().lastIndexOf('/') + 1);
        List<OutputLogEvent> events = Await.until("the container's line", Duration.ofSeconds(30),
                () -> logs.getLogEvents(b -> b.logGroupName("/ecs/secrets").logStreamName("from-asm/main/" + id))
                        .events(), e -> !e.isEmpty());
        assertEquals("{\"user\":\"app\",\"pw\":\"p2\"}|p2|p1", events.get(0).message());

        Task missing = run("missing-asm", "true", List.of(Secret.builder().name("X")
                .valueFrom("arn:aws:secretsmanager:us-east-1:000000000000:secret:nope-AbCdEf").build()));
        assertEquals(TaskStopCode.TASK_FAILED_TO_START, missing.stopCode());
        assertEquals("ResourceInitializationError: unable to pull secrets or registry auth: execution resource"
                + " retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s):"
                + " failed to fetch secret arn:aws:secretsmanager:us-east-1:000000000000:secret:nope-AbCdEf from"
                + " secrets manager: ResourceNotFoundException: Secrets Manager can't find the specified secret.",
                missing.stoppedReason());
    }

    @Test
    void aMissingParameterStopsTheTaskWithEcsReason() {
        Task stopped = run("missing-ssm", "true", List.of(Secret.builder().name("X").valueFrom("/not/there").build()));
        assertEquals(TaskStopCode.TASK_FAILED_TO_START, stopped.stopCode());
        assertEquals("ResourceInitializationError: unable to pull secrets or registry auth: execution resource"
                + " retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s):"
                + " invalid ssm parameters: /not/there", stopped.stoppedReason());
    }
}
