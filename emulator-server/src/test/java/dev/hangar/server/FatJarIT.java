package dev.hangar.server;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged artifact as users start it: {@code java -jar hangar.jar} with the JVM options of scripts/jvm-options,
 * plain and with a class-data-sharing archive recorded by the training run scripts/start.sh makes. Run by failsafe
 * after the jar is built. A CDS start loads classes fast enough to expose races of the start itself (one thread
 * initialising SLF4J while another asked for its factory ended a CDS start with a ClassCastException).
 */
class FatJarIT {

    private static final Pattern LISTENING = Pattern.compile("listening on http://([0-9.]+):(\\d+)");
    private static final Path JAR = Path.of(System.getProperty("hangar.jar", "target/hangar.jar"));
    private static final Path OPTIONS = Path.of("..", "scripts", "jvm-options");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void startsPlainAndAnswers() throws Exception {
        startAnswerStop(List.of());
    }

    @Test
    void startsWithTheTrainedArchiveAndAnswers() throws Exception {
        Path archive = Files.createTempDirectory("hangar-cds-").resolve("hangar.jsa");
        List<String> training = new ArrayList<>(jvmOptions());
        training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xshare:auto", "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-jar", JAR.toString()));
        Process trainer = java(training, Map.of("HANGAR_CDS_TRAINING", "1", "HANGAR_PORT", "0"));
        CompletableFuture<String> output = drain(trainer);
        assertTrue(trainer.waitFor(120, TimeUnit.SECONDS), "the training run did not end");
        assertEquals(0, trainer.exitValue(), output.get());
        assertTrue(Files.size(archive) > 0, "no archive written");
        for (int i = 0; i < 3; i++) {
            startAnswerStop(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off"));
        }
    }

    private void startAnswerStop(List<String> extra) throws Exception {
        List<String> command = new ArrayList<>(jvmOptions());
        command.addAll(extra);
        command.addAll(List.of("-jar", JAR.toString()));
        Process hangar = java(command, Map.of("HANGAR_PORT", "0"));
        StringBuilder log = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(hangar.getInputStream(),
                StandardCharsets.UTF_8))) {
            String endpoint = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while (endpoint == null && System.nanoTime() < deadline && (line = out.readLine()) != null) {
                log.append(line).append('\n');
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    endpoint = "http://" + m.group(1) + ":" + m.group(2) + "/";
                }
            }
            assertTrue(endpoint != null, "Hangar did not start:\n" + log);
            CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> rest(out));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(endpoint))
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters")
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261125/us-east-1/ecs/aws4_request, "
                            + "SignedHeaders=host, Signature=00")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"clusterArns\""), answer.body());
            hangar.destroy();
            assertTrue(hangar.waitFor(60, TimeUnit.SECONDS), "Hangar did not stop on SIGTERM");
            log.append(rest.get(10, TimeUnit.SECONDS));
            assertFalse(log.toString().contains("Exception"), log.toString());
        } finally {
            hangar.destroyForcibly();
        }
    }

    private static Process java(List<String> args, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder.start();
    }

    /** The options scripts/start.sh reads: one per line, '#' starts a comment. */
    private static List<String> jvmOptions() throws IOException {
        return Files.readAllLines(OPTIONS).stream().map(l -> l.replaceAll("#.*", "").strip())
                .filter(l -> !l.isEmpty()).toList();
    }

    private static CompletableFuture<String> drain(Process process) {
        return CompletableFuture.supplyAsync(() -> rest(new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))));
    }

    private static String rest(BufferedReader reader) {
        StringBuilder text = new StringBuilder();
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                text.append(line).append('\n');
            }
        } catch (IOException e) {
            text.append(e);
        }
        return text.toString();
    }
}
