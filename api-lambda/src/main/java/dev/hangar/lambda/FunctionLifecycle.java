package dev.hangar.lambda;

import dev.hangar.lambda.domain.CodePackage;
import dev.hangar.lambda.domain.FunctionConfigurationState;
import dev.hangar.lambda.domain.FunctionStatus;
import dev.hangar.lambda.domain.LambdaFunction;
import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.RuntimeUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The background half of CreateFunction, UpdateFunctionCode/Configuration and PublishVersion: a version answers
 * Pending (or InProgress) and becomes Active (Successful) once its code is really there. Zip code is unpacked before
 * the handler answers, so only container images have real work left: the image must be present or pullable.
 */
final class FunctionLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FunctionLifecycle.class);

    private final Executor workers;
    private final ContainerRuntime runtime;

    /** @param runtime the engine that checks images, or null to take every image as present */
    FunctionLifecycle(Executor workers, ContainerRuntime runtime) {
        this.workers = workers;
        this.runtime = runtime;
    }

    /** Pending → Active, or Failed when the image cannot be had. */
    void settleCreation(LambdaFunction function, FunctionConfigurationState pending) {
        run(() -> {
            String problem = imageProblem(pending.code());
            function.transition(pending.version(), pending.revisionId(), problem == null
                    ? FunctionStatus.active() : FunctionStatus.failed("InvalidImage", problem));
        });
    }

    /** InProgress → Successful, or Failed (State stays Active: the previous code keeps serving on AWS too). */
    void settleUpdate(LambdaFunction function, FunctionConfigurationState updating) {
        run(() -> {
            String problem = imageProblem(updating.code());
            function.transition(updating.version(), updating.revisionId(), problem == null
                    ? FunctionStatus.active() : FunctionStatus.updateFailed("InvalidImage", problem));
        });
    }

    private String imageProblem(CodePackage code) {
        if (!code.isImage() || runtime == null) {
            return null;
        }
        try {
            runtime.ensureImage(code.imageUri());
            return null;
        } catch (RuntimeUnavailableException e) {
            // no engine to ask: the image is checked when an invocation starts it
            log.debug("no container engine to check {}: {}", code.imageUri(), e.getMessage());
            return null;
        } catch (RuntimeException e) {
            return "Source image " + code.imageUri() + " does not exist. Provide a valid source image. ("
                    + e.getMessage() + ")";
        }
    }

    private void run(Runnable task) {
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("function state transition failed", e);
            }
        };
        try {
            workers.execute(guarded);
        } catch (RejectedExecutionException e) {
            guarded.run();
        }
    }
}
