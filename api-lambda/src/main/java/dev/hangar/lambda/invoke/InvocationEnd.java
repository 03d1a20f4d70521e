package dev.hangar.lambda.invoke;

import dev.hangar.core.service.AwsException;
import dev.hangar.core.time.HangarClock;
import dev.hangar.lambda.invoke.InvocationLogs.Close;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How an invocation ends for its caller and in its environment's log, whichever way it ends: the runtime's answer,
 * or an ending of the environment (timeout, crash, init failure or timeout, stop, failed start) with the payload and
 * the lines AWS writes for it, then END and REPORT (with the init report an environment's first invocation owes, and
 * the memory peak). {@link ExecutionEnvironment} decides, under its lock, that an invocation ends; this runs after,
 * with no lock held, since it completes the caller's future and writes to the log sink.
 */
final class InvocationEnd {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ExecutionEnvironment env;
    private final RunnableFunction function;
    private final InvocationLogs logs;
    private final EnvironmentResources resources;
    private final HangarClock clock;

    InvocationEnd(ExecutionEnvironment env, InvocationLogs logs, EnvironmentResources resources, HangarClock clock) {
        this.env = env;
        this.clock = clock;
        this.function = env.function;
        this.logs = logs;
        this.resources = resources;
    }

    /** The runtime answered (a response, an error, an oversize response); the environment lives on. */
    void answered(Invocation inv, byte[] payload, String functionError) {
        answer(inv, payload, functionError, null, null, List.of(), Close.WHEN_QUIET);
    }

    /** The function ran past its timeout: its environment is destroyed, as AWS resets it. */
    void timedOut(Invocation inv) {
        // stamped like the lines around it, on Hangar's clock
        String notice = TIMESTAMP.format(clock.now()) + " " + inv.requestId() + " Task timed out after "
                + ErrorPayloads.seconds(function.timeoutSeconds()) + " seconds";
        withEnvironment(inv, ErrorPayloads.timeout(inv.requestId(), function.timeoutSeconds()), "timeout", null,
                List.of(notice));
    }

    /** The runtime did not ask for work within the init budget. */
    void initTimedOut(Invocation inv, double initMs) {
        withEnvironment(inv, ErrorPayloads.timeout(inv.requestId(), function.timeoutSeconds()), "timeout", null,
                List.of(initReport(initMs, "timeout", null)));
    }

    /** The container's process ended while the invocation waited for it. */
    void exited(Invocation inv, Integer exitCode, boolean duringInit, double initMs) {
        boolean outOfMemory = resources.ranOutOfMemory();
        String type = outOfMemory ? "Runtime.OutOfMemory" : "Runtime.ExitError";
        String reason = ErrorPayloads.exitReason(exitCode);
        List<String> lines = duringInit
                ? List.of(initReport(initMs, "error", type), "RequestId: " + inv.requestId() + " Error: " + reason, type)
                : List.of("RequestId: " + inv.requestId() + " Error: " + reason, type);
        withEnvironment(inv, ErrorPayloads.exited(inv.requestId(), exitCode, outOfMemory), "error", type, lines);
    }

    /** The runtime posted /init/error: the environment's first invocation gets its account of the failure. */
    void initFailed(Invocation inv, byte[] body, String errorType, double initMs) {
        byte[] payload = body.length == 0 ? ErrorPayloads.fromErrorType(errorType) : body;
        String type = errorType != null && !errorType.isBlank() ? errorType : errorTypeOf(payload);
        // the runtime's own account of the failure is often still on its way to the log
        withEnvironment(inv, payload, "error", type, List.of(initReport(initMs, "error", type)));
    }

    /** Idle expiry, retirement, reset stopped the environment under the invocation. */
    static void stopped(Invocation inv, String why) {
        inv.result.completeExceptionally(new AwsException("ServiceException", 500, false,
                "The execution environment was stopped: " + why, Map.of("Type", "Service")));
    }

    /** The environment could not start: its first invocation fails with the reason. */
    void couldNotStart(Invocation inv, RuntimeException e) {
        inv.claimAnswer();
        inv.result.completeExceptionally(e instanceof AwsException ? e : new AwsException("ServiceException", 500,
                false, "Hangar could not start an execution environment for " + function.functionName() + ": "
                + e.getMessage(), Map.of("Type", "Service")));
    }

    /**
     * The environment ends with this invocation (an init error, a crash, a timeout): the caller has the error now,
     * END and REPORT follow once the container is removed and all its output read, however late the engine hands
     * over its last lines. The memory peak is read first, while the container is still there.
     */
    private void withEnvironment(Invocation inv, byte[] payload, String status, String errorType,
                                 List<String> linesBeforeEnd) {
        resources.rememberPeak();
        answer(inv, payload, "Unhandled", status, errorType, linesBeforeEnd, Close.WHEN_DRAINED);
        LogWindow window = inv.logWindow;
        env.releaseResources(() -> logs.drained(window));
    }

    /**
     * Answers the caller and closes the invocation's log window. With LogType=Tail the answer waits until END and
     * REPORT are written, so the tail holds them.
     */
    private void answer(Invocation inv, byte[] payload, String functionError, String status, String errorType,
                        List<String> linesBeforeEnd, Close close) {
        Double initMs = env.closingWindow(inv);
        logs.announce(inv.logWindow);
        double durationMs = inv.elapsedMillis();
        Supplier<String> report = () -> new ReportLine(inv.requestId(), durationMs, function.memoryMb(),
                close == Close.WHEN_QUIET ? resources.rememberPeak() : resources.lastPeak(), initMs, status,
                errorType).text();
        logs.end(inv.logWindow, linesBeforeEnd, report, close);
        String version = inv.executedVersion();
        if (inv.request.tailLogs()) {
            inv.logWindow.settled.whenComplete((tail, e) ->
                    inv.result.complete(new InvocationResult(payload, functionError, tail, version)));
        } else {
            inv.result.complete(new InvocationResult(payload, functionError, null, version));
        }
    }

    static String initReport(double initMs, String status, String errorType) {
        return "INIT_REPORT Init Duration: " + ErrorPayloads.seconds(initMs) + " ms\tPhase: init\tStatus: " + status
                + (errorType != null ? "\tError Type: " + errorType : "");
    }

    /** The errorType of a runtime's error payload; Runtime.Unknown when it has none or is not JSON. */
    static String errorTypeOf(byte[] payload) {
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload);
            if (node != null && node.hasNonNull("errorType")) {
                return node.get("errorType").asText();
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not JSON: the type stays unknown
        }
        return "Runtime.Unknown";
    }
}
