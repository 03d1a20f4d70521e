package dev.hangar.server;

import dev.hangar.testsupport.Await;
import dev.hangar.testsupport.AwsCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's "Try it" section, run as written by bash with each AWS CLI installed here (v1 from pyenv, Debian's
 * v2 2.9 with the README's endpoint function) against a Hangar with real containers. Only the port differs: the
 * README's 4566 becomes this Hangar's ephemeral one. Its Lambda image step (`docker tag ... public.ecr.aws/...`) is
 * run too, so the no-restart way of pointing a runtime at a local image is what makes the function run.
 */
class ReadmeCommandsTest {

    private static final Pattern SH_BLOCK = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PLAIN_BLOCK = Pattern.compile("\n\\s*```\n\\s*(docker tag [^\n]+)\n");
    private static final String AWS_IMAGE = "public.ecr.aws/lambda/python:3.12";

    private Hangar hangar;
    private boolean taggedHere;

    /** The "Try it" section's blocks: env line, the old-v2 function, ECS, Lambda; and the docker tag line. */
    record Readme(String env, String oldCliFunction, String ecs, String lambda, String tag) {
        static Readme read() throws IOException {
            String text = Files.readString(Path.of("..", "README.md"));
            int from = text.indexOf("## Try it");
            assertTrue(from >= 0, "README has a Try it section");
            String section = text.substring(from, text.indexOf("\n## ", from + 1));
            List<String> blocks = new ArrayList<>();
            Matcher m = SH_BLOCK.matcher(section);
            while (m.find()) {
                blocks.add(m.group(1));
            }
            assertEquals(4, blocks.size(), "env, endpoint function, ECS and Lambda blocks: " + blocks);
            Matcher tag = PLAIN_BLOCK.matcher(section);
            assertTrue(tag.find(), "the docker tag line");
            return new Readme(blocks.get(0), blocks.get(1), blocks.get(2), blocks.get(3), tag.group(1));
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (hangar != null) {
            hangar.close();
        }
        if (taggedHere) {
            run(List.of("docker", "rmi", AWS_IMAGE), Path.of("."), Map.of());
        }
    }

    @Test
    void asWrittenWithCliV1(@TempDir Path dir) throws Exception {
        walk(AwsCli.v1(), false, dir);
    }

    @Test
    void asWrittenWithDebiansCliV2(@TempDir Path dir) throws Exception {
        walk(AwsCli.v2(), true, dir);
    }

    private void walk(AwsCli cli, boolean needsEndpointFunction, Path dir) throws Exception {
        Readme readme = Readme.read();
        hangar = Hangar.start(HangarConfig.fromEnvironment(Map.of("HANGAR_PORT", "0")));
        int port = hangar.server().endpoint().getPort();
        if (run(List.of("docker", "image", "inspect", AWS_IMAGE), dir, Map.of()).exit != 0) {
            assertEquals(0, run(List.of("bash", "-c", readme.tag()), dir, Map.of()).exit, readme.tag());
            taggedHere = true;
        }
        String setup = readme.env().replace("localhost:4566", "localhost:" + port)
                + (needsEndpointFunction ? readme.oldCliFunction() : "");
        Map<String, String> path = Map.of("PATH", cli.executable().getParent() + ":" + System.getenv("PATH"));

        Result ecs = run(List.of("bash", "-c", "set -euo pipefail\n" + setup + readme.ecs()), dir, path);
        assertEquals(0, ecs.exit, ecs.toString());
        assertTrue(ecs.out.contains("hangar-test web"), "the task's web page: " + ecs);

        String[] lambda = readme.lambda().strip().split("\n");
        String logsCommand = lambda[lambda.length - 1];
        String invokeLines = String.join("\n", java.util.Arrays.copyOf(lambda, lambda.length - 1));
        Result invoked = run(List.of("bash", "-c", "set -euo pipefail\n" + setup + invokeLines), dir, path);
        assertEquals(0, invoked.exit, invoked.toString());
        assertTrue(invoked.out.contains("{\"hello\": \"dev\"}"), "the function's answer: " + invoked);
        // the log lines arrive a moment after the answer: a user reading them right away may need a second look
        Result logs = Await.until("the handler's line in /aws/lambda/hello",
                () -> run(List.of("bash", "-c", "set -euo pipefail\n" + setup + logsCommand), dir, path),
                r -> r.exit == 0 && r.out.contains("hello from dev"));
        assertTrue(logs.out.contains("START RequestId:"), logs.toString());
    }

    record Result(int exit, String out, String err) {
    }

    private static Result run(List<String> command, Path dir, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
            pb.environment().putAll(env);
            // the CLIs must see only the README's settings, not a developer's profile
            pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") && !env.containsKey(k));
            pb.environment().put("AWS_CONFIG_FILE", "/dev/null");
            pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
            Path out = Files.createTempFile("readme", ".out");
            Path err = Files.createTempFile("readme", ".err");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
