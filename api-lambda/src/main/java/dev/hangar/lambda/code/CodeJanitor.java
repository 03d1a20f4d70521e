package dev.hangar.lambda.code;

import dev.hangar.lambda.domain.CodePackage;
import dev.hangar.lambda.domain.FunctionConfigurationState;
import dev.hangar.lambda.domain.LambdaFunction;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Removes packages no version uses any more (replaced by UpdateFunctionCode, or their version deleted). Not at once:
 * a retired environment may still be finishing an invocation from that folder, so removal waits for the longest the
 * invocation could still run, plus a margin.
 */
public final class CodeJanitor {

    private static final long MARGIN_SECONDS = 30;

    private final ZipCodeStore store;
    private final long marginSeconds;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hangar-lambda-code-janitor");
        t.setDaemon(true);
        return t;
    });

    public CodeJanitor(ZipCodeStore store) {
        this(store, MARGIN_SECONDS);
    }

    /** @param marginSeconds beyond the timeout; tests take 0 */
    CodeJanitor(ZipCodeStore store, long marginSeconds) {
        this.store = store;
        this.marginSeconds = marginSeconds;
    }

    /** Schedules the package's removal unless a version of the function still uses it then. */
    public void released(LambdaFunction function, CodePackage code, int timeoutSeconds) {
        if (code.packageFile() == null) {
            return;
        }
        timer.schedule(() -> {
            if (!inUse(function, code)) {
                store.delete(code);
            }
        }, timeoutSeconds + marginSeconds, TimeUnit.SECONDS);
    }

    private static boolean inUse(LambdaFunction function, CodePackage code) {
        for (FunctionConfigurationState v : function.allVersions()) {
            if (code.packageFile().equals(v.code().packageFile())) {
                return true;
            }
        }
        return false;
    }
}
