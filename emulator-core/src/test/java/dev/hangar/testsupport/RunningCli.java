package dev.hangar.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/** An AWS CLI command that runs until closed ({@code logs tail --follow}), its output lines gathered as they come. */
public final class RunningCli implements AutoCloseable {

    private final String command;
    private final Process process;
    private final Path err;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    RunningCli(String command, Process process, Path err) {
        this.command = command;
        this.process = process;
        this.err = err;
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the CLI reads nothing from stdin; a pipe that will not close changes nothing
        }
        reader = new Thread(this::gather, "aws-cli-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The lines printed so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits until {@code count} lines have come; fails after {@code timeout} with what came and the CLI's stderr. */
    public void awaitLines(int count, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lines.size() < count) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what + " from " + command + ": " + lines + "\n" + err());
            }
            Thread.sleep(100);
        }
    }

    /** What the CLI wrote to stderr so far (its error when it stopped early). */
    public String err() {
        try {
            return Files.readString(err, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } finally {
            AwsCli.delete(err);
        }
    }

    private void gather() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException ignored) {
            // the process was destroyed
        }
    }
}
