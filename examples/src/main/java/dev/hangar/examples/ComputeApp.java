package dev.hangar.examples;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An application's use of AWS compute, written against the SDK only (it knows nothing of Hangar): batch jobs as
 * ECS tasks, and a greeting function on Lambda whose Python code ships in this jar.
 */
public final class ComputeApp {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final EcsClient ecs;
    private final LambdaClient lambda;

    public ComputeApp(EcsClient ecs, LambdaClient lambda) {
        this.ecs = ecs;
        this.lambda = lambda;
    }

    /** Registers the job's task definition, runs one task of it on the cluster and returns the task's ARN. */
    public String startJob(String cluster, String family, String image, String... command) {
        ecs.registerTaskDefinition(b -> b.family(family).containerDefinitions(c -> c.name("job").image(image)
                .memory(128).essential(true).command(command)));
        return ecs.runTask(b -> b.cluster(cluster).taskDefinition(family)).tasks().get(0).taskArn();
    }

    /** Waits for the job to stop and returns its container's exit code. */
    public int awaitJobExit(String cluster, String taskArn) {
        Task[] last = new Task[1];
        waitFor("task " + taskArn + " to stop", () -> {
            last[0] = ecs.describeTasks(b -> b.cluster(cluster).tasks(taskArn)).tasks().get(0);
            return "STOPPED".equals(last[0].lastStatus());
        });
        return last[0].containers().get(0).exitCode();
    }

    /** Creates the greeting function (Python 3.12, functions/greeter.py) and waits until it can be invoked. */
    public String deployGreeter(String name, String roleArn) {
        String arn = lambda.createFunction(b -> b.functionName(name).runtime(Runtime.PYTHON3_12)
                .handler("greeter.handler").role(roleArn).timeout(10)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip("greeter.py", "/functions/greeter.py")))))
                .functionArn();
        waitFor(name + " to become Active",
                () -> lambda.getFunction(b -> b.functionName(name)).configuration().state() == State.ACTIVE);
        return arn;
    }

    /** Invokes the function and returns its answer, a JSON document. */
    public String greet(String function, String who) {
        InvokeResponse r = lambda.invoke(b -> b.functionName(function)
                .payload(SdkBytes.fromUtf8String("{\"name\": \"" + who + "\"}")));
        if (r.functionError() != null) {
            throw new IllegalStateException(function + " failed: " + r.payload().asUtf8String());
        }
        return r.payload().asUtf8String();
    }

    private static void waitFor(String what, BooleanSupplier done) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + WAIT.toSeconds() + " s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }

    private static byte[] zip(String entry, String resource) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream code = ComputeApp.class.getResourceAsStream(resource);
             ZipOutputStream zip = new ZipOutputStream(out)) {
            if (code == null) {
                throw new IllegalStateException(resource + " is not in the jar");
            }
            zip.putNextEntry(new ZipEntry(entry));
            code.transferTo(zip);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
