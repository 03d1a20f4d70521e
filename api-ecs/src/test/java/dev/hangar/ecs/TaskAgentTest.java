package dev.hangar.ecs;

import dev.hangar.core.port.LogSink;
import dev.hangar.testsupport.Await;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Task;

import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.hangar.ecs.EcsTestData.awaitStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inside a task, on real containers: an unmodified boto3 (Debian's, in hangar-test/python-boto3) finds the task
 * role's credentials through its default chain, reads the task metadata endpoint v4 and calls ECS at its
 * AWS_ENDPOINT_URL about its own task.
 */
class TaskAgentTest {

    static final String PYTHON = "hangar-test/python-boto3:latest";
    static final String ROLE = "arn:aws:iam::000000000000:role/app";
    static final CapturedLogs logs = new CapturedLogs();
    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).dockerRuntime()
            .port(LogSink.class, logs).build();
    static EcsClient client;
    private static final String CLUSTER = "agent";

    /** Prints "NAME value" lines; boto3 1.26 predates AWS_ENDPOINT_URL, so the script hands it over itself. */
    private static final String SCRIPT = String.join("\n",
            "import boto3, json, os, urllib.request",
            "md = os.environ['ECS_CONTAINER_METADATA_URI_V4']",
            "def get(url): return json.load(urllib.request.urlopen(url, timeout=10))",
            "creds = boto3.Session().get_credentials()",
            "print('KEY', creds.access_key, flush=True)",
            "uri = os.environ.get('AWS_CONTAINER_CREDENTIALS_FULL_URI') or 'http://169.254.170.2' + os.environ['AWS_CONTAINER_CREDENTIALS_RELATIVE_URI']",
            "raw = get(uri)",
            "print('SERVED', raw['AccessKeyId'], raw['RoleArn'], raw['Expiration'], bool(raw['Token']), flush=True)",
            "print('CREDURI', uri, flush=True)",
            "task = get(md + '/task')",
            "me = get(md)",
            "print('META', task['TaskARN'], me['DockerId'], task['Family'], task['Revision'], me['Name'], flush=True)",
            "print('TAGS', json.dumps(get(md + '/taskWithTags')['TaskTags'], sort_keys=True), flush=True)",
            "stats = get(md + '/stats')",
            "print('STATS', 'memory_stats' in stats, 'network_rate_stats' in stats, flush=True)",
            "ecs = boto3.client('ecs', endpoint_url=os.environ['AWS_ENDPOINT_URL'])",
            "t = ecs.describe_tasks(cluster=task['Cluster'], tasks=[task['TaskARN']])['tasks'][0]",
            "print('SELF', t['lastStatus'], os.environ['AWS_REGION'], os.environ['AWS_DEFAULT_REGION'], flush=True)");

    @BeforeAll
    static void cluster() {
        client = hangar.client(EcsClient.class);
        client.createCluster(b -> b.clusterName(CLUSTER));
    }

    @Test
    void boto3InsideTheTaskFindsTheTaskRoleMetadataAndHangar() throws Exception {
        client.registerTaskDefinition(b -> b.family("boto").taskRoleArn(ROLE)
                .executionRoleArn("arn:aws:iam::000000000000:role/exec")
                .containerDefinitions(ContainerDefinition.builder().name("py").image(PYTHON).memory(256)
                        .command("python3", "-c", SCRIPT)
                        .logConfiguration(l -> l.logDriver("awslogs").options(Map.of(
                                "awslogs-group", "/ecs/boto", "awslogs-stream-prefix", "py")))
                        .build()));
        Task task = client.runTask(b -> b.cluster(CLUSTER).taskDefinition("boto")
                .tags(t -> t.key("team").value("blue"))).tasks().get(0);
        Task done = awaitStatus(client, CLUSTER, task.taskArn(), "STOPPED");
        Map<String, String> out = new HashMap<>();
        logs.lines().stream().filter(l -> l.group().equals("/ecs/boto")).map(CapturedLogs.Line::message)
                .forEach(m -> out.put(m.substring(0, m.indexOf(' ')), m.substring(m.indexOf(' ') + 1)));
        assertEquals(0, done.containers().get(0).exitCode(), "the script ran to its end: " + logs.lines());

        String key = out.get("KEY");
        assertTrue(key.startsWith("ASIA") && key.length() == 20, key);
        List<String> served = List.of(out.get("SERVED").split(" "));
        assertEquals(key, served.get(0), "boto3's default chain took the key the endpoint serves");
        assertEquals(ROLE, served.get(1));
        Instant expiration = Instant.parse(served.get(2));
        assertTrue(expiration.isAfter(Instant.now().plus(Duration.ofHours(5))), served.toString());
        assertEquals("True", served.get(3));

        String runtimeId = done.containers().get(0).runtimeId();
        assertEquals(task.taskArn() + " " + runtimeId + " boto 1 py", out.get("META"));
        assertEquals("{\"team\": \"blue\"}", out.get("TAGS"));
        assertEquals("True True", out.get("STATS"));
        assertEquals("RUNNING us-east-1 us-east-1", out.get("SELF"), "ECS called from inside at AWS_ENDPOINT_URL");

        // the credentials are served only while the task runs
        HttpURLConnection c = (HttpURLConnection) URI.create(out.get("CREDURI")).toURL().openConnection();
        assertEquals(400, c.getResponseCode(), new String(c.getResponseCode() >= 400 && c.getErrorStream() != null ? c.getErrorStream().readAllBytes() : new byte[0]));
    }

    @Test
    void aTaskWithoutRoleGetsMetadataButNoCredentialsVariable() {
        client.registerTaskDefinition(b -> b.family("norole")
                .containerDefinitions(ContainerDefinition.builder().name("sh").image(EcsTestData.BUSYBOX).memory(64)
                        .command("sh", "-c", "echo ENV ${AWS_CONTAINER_CREDENTIALS_RELATIVE_URI:-none}"
                                + "${AWS_CONTAINER_CREDENTIALS_FULL_URI:-} ${ECS_CONTAINER_METADATA_URI_V4:+md}"
                                + " ${ECS_CONTAINER_METADATA_URI:+v3} $AWS_REGION")
                        .logConfiguration(l -> l.logDriver("awslogs").options(Map.of(
                                "awslogs-group", "/ecs/norole", "awslogs-stream-prefix", "sh")))
                        .build()));
        Task task = client.runTask(b -> b.cluster(CLUSTER).taskDefinition("norole")).tasks().get(0);
        awaitStatus(client, CLUSTER, task.taskArn(), "STOPPED");
        String line = Await.until("the task's output", () -> logs.lines().stream()
                .filter(l -> l.group().equals("/ecs/norole")).map(CapturedLogs.Line::message).findFirst()
                .orElse(null), l -> l != null);
        assertEquals("ENV none md v3 us-east-1", line);
    }

    @Test
    void anAwsvpcContainerReadsItsTaskFromTheMetadataEndpoint() {
        // busybox has no HTTP client that works: the request is written by hand to the URI's host and port
        // stdin stays open until the answer is in: Hangar drops a connection whose client half-closes before it answers
        String fetch = "U=${ECS_CONTAINER_METADATA_URI_V4#http://}; H=${U%%/*}; P=/${U#*/}; A=${H%%:*}; N=80;"
                + " case $H in *:*) N=${H##*:};; esac;"
                + " (printf \"GET $P/task HTTP/1.0\\r\\nHost: $H\\r\\n\\r\\n\"; sleep 2) | nc $A $N | tail -1";
        client.registerTaskDefinition(b -> b.family("vpc-meta").networkMode("awsvpc").cpu("256").memory("512")
                .containerDefinitions(ContainerDefinition.builder().name("sh").image(EcsTestData.BUSYBOX)
                        .command("sh", "-c", fetch)
                        .logConfiguration(l -> l.logDriver("awslogs").options(Map.of(
                                "awslogs-group", "/ecs/vpc-meta", "awslogs-stream-prefix", "sh")))
                        .build()));
        Task task = client.runTask(b -> b.cluster(CLUSTER).taskDefinition("vpc-meta")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1")))).tasks().get(0);
        Task done = awaitStatus(client, CLUSTER, task.taskArn(), "STOPPED");
        String output = Await.until("the task's output", () -> logs.lines().stream()
                .filter(l -> l.group().equals("/ecs/vpc-meta")).map(CapturedLogs.Line::message)
                .collect(java.util.stream.Collectors.joining("\n")), o -> o.contains("{"));
        String body = output.substring(output.indexOf('{'));
        String ip = done.containers().get(0).networkInterfaces().get(0).privateIpv4Address();
        assertTrue(body.contains("\"TaskARN\":\"" + task.taskArn() + "\""), body);
        assertTrue(body.contains("\"DockerId\":\"" + done.containers().get(0).runtimeId() + "\""), body);
        assertTrue(body.contains("\"IPv4Addresses\":[\"" + ip + "\"]"), body);
        assertTrue(body.contains("\"VPCID\":\"vpc-"), body);
        assertTrue(body.contains("\"Limits\":{\"CPU\":0.25,\"Memory\":512}"), body);
    }
}
