package dev.hangar.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * One AWS CLI installation, run the way the tests need it: against Hangar with test credentials, none of the
 * machine's AWS settings (config files, profile, session token, pager) and a time limit. Which CLI runs matters
 * (v1 and v2 page, retry and print differently), so a missing one fails the test with the reason, never skips it:
 * v1 is pyenv's (on PATH, or its shims, see scripts/test.sh), v2 is Debian's at /usr/bin/aws
 * (scripts/install-test-tools.sh). Get one from {@link #v1}, {@link #v2} or {@link #firstOnPath}, then point it at
 * Hangar with {@link #at}; {@code version} is the whole {@code aws --version} line (empty from firstOnPath).
 */
public record AwsCli(Path executable, String version, URI endpoint) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;
    private static final Path V2 = Path.of("/usr/bin/aws");
    private static final Path PYENV_SHIM = Path.of(System.getProperty("user.home"), ".pyenv", "shims", "aws");

    /** What a finished CLI run printed; {@code err} carries the CLI's error message (the AWS error code in it). */
    public record Result(int exit, String out, String err) {
    }

    /** AWS CLI v1: the first v1 {@code aws} on PATH, else pyenv's shim; fails saying what was found instead. */
    public static AwsCli v1() {
        List<Path> candidates = new ArrayList<>(onPath());
        candidates.add(PYENV_SHIM);
        List<String> seen = new ArrayList<>();
        for (Path candidate : candidates.stream().distinct().toList()) {
            if (Files.isExecutable(candidate)) {
                String version = versionOf(candidate);
                if (version.startsWith("aws-cli/1.")) {
                    return new AwsCli(candidate, version, null);
                }
                seen.add(candidate + " is " + describe(version));
            }
        }
        return fail("AWS CLI v1 not found: no aws-cli/1.x on PATH nor at " + PYENV_SHIM
                + (seen.isEmpty() ? "" : " (" + String.join(", ", seen) + ")")
                + "; it comes from the machine's pyenv, scripts/test.sh puts its shims on PATH");
    }

    /** AWS CLI v2 at /usr/bin/aws; fails saying whether it is missing or another version. */
    public static AwsCli v2() {
        if (!Files.isExecutable(V2)) {
            fail("AWS CLI v2 is not installed at " + V2 + " (scripts/install-test-tools.sh installs Debian's awscli)");
        }
        String version = versionOf(V2);
        if (!version.startsWith("aws-cli/2.")) {
            fail(V2 + " is not AWS CLI v2: " + describe(version));
        }
        return new AwsCli(V2, version, null);
    }

    /** Whichever {@code aws} comes first on PATH, as a shell would run it. */
    public static AwsCli firstOnPath() {
        List<Path> found = onPath();
        if (found.isEmpty()) {
            fail("no aws CLI on the PATH (scripts/install-test-tools.sh, scripts/test.sh)");
        }
        // no --version run: the tests that take either CLI don't need to know which, and each run costs a Python start
        return new AwsCli(found.get(0), "", null);
    }

    /** The same CLI, talking to Hangar at {@code endpoint}. */
    public AwsCli at(URI endpoint) {
        return new AwsCli(executable, version, endpoint);
    }

    /** Runs {@code aws <args>} to the end; a non-zero exit is the caller's to judge. */
    public Result run(String... args) {
        Path out = tempFile(".out");
        Path err = tempFile(".err");
        try {
            Process process = builder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(this + ": " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return fail(this + " could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running " + this, e);
        } finally {
            delete(out);
            delete(err);
        }
    }

    /** Runs {@code aws <args>}, fails with the CLI's error output unless it exits 0, and returns what it printed. */
    public String ok(String... args) {
        Result result = run(args);
        if (result.exit() != 0) {
            fail(this + " failed (" + result.exit() + "): " + String.join(" ", args) + "\n" + result.err());
        }
        return result.out();
    }

    /** {@link #ok} with {@code --output json}, parsed; a command that prints nothing gives an empty object. */
    public JsonNode json(String... args) {
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(List.of("--output", "json"));
        String out = ok(command.toArray(String[]::new));
        try {
            return out.isBlank() ? JSON.createObjectNode() : JSON.readTree(out);
        } catch (IOException e) {
            return fail(this + ": " + String.join(" ", args) + " printed no JSON: " + out, e);
        }
    }

    /** Starts a command that runs until closed ({@code logs tail --follow}); its output lines are collected. */
    public RunningCli start(String... args) {
        Path err = tempFile(".err");
        try {
            return new RunningCli(this + ": " + String.join(" ", args),
                    builder(args).redirectError(err.toFile()).start(), err);
        } catch (IOException e) {
            delete(err);
            return fail(this + " could not be started: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return version.isEmpty() ? executable.toString() : describe(version) + " (" + executable + ")";
    }

    private ProcessBuilder builder(String... args) {
        if (endpoint == null) {
            throw new IllegalStateException("no endpoint: use " + this + ".at(server endpoint)");
        }
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--endpoint-url", endpoint.toString(),
                "--region", "us-east-1", "--color", "off"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        isolate(builder.environment());
        return builder;
    }

    /** Only what the test says reaches the CLI: no profile, config or credentials of the machine's user. */
    private static void isolate(Map<String, String> env) {
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_REGION", "us-east-1");
        env.remove("AWS_SESSION_TOKEN");
        env.remove("AWS_PROFILE");
        env.remove("AWS_DEFAULT_OUTPUT");
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        // a followed command's lines must arrive as printed, not when Python's buffer fills
        env.put("PYTHONUNBUFFERED", "1");
    }

    private static List<Path> onPath() {
        List<Path> found = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "aws");
            if (Files.isExecutable(candidate)) {
                found.add(candidate);
            }
        }
        return found;
    }

    private static String versionOf(Path aws) {
        try {
            ProcessBuilder builder = new ProcessBuilder(aws.toString(), "--version").redirectErrorStream(true);
            isolate(builder.environment());
            Process process = builder.start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return out;
        } catch (IOException e) {
            return "not runnable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** "aws-cli/1.45.11" out of the whole version line, or what was printed instead. */
    private static String describe(String version) {
        if (version.isBlank()) {
            return "(no version output)";
        }
        return version.startsWith("aws-cli/") ? version.split("\\s+")[0] : version;
    }

    private static Path tempFile(String suffix) {
        try {
            return Files.createTempFile("aws-cli", suffix);
        } catch (IOException e) {
            throw new IllegalStateException("no temporary file for the CLI's output", e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless
        }
    }
}
