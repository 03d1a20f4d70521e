package dev.hangar.lambda;

import dev.hangar.lambda.domain.CodePackage;
import dev.hangar.lambda.domain.FunctionConfigurationState;
import dev.hangar.lambda.domain.LambdaFunction;
import dev.hangar.lambda.invoke.RunnableFunction;
import software.amazon.awssdk.services.lambda.model.ImageConfig;

import java.util.Map;

/** The hand-over to the invocation side: one version of one function, as it stands now. */
final class Runnables {

    private Runnables() {
    }

    static RunnableFunction of(LambdaRegion region, LambdaFunction function, FunctionConfigurationState v) {
        CodePackage code = v.code();
        ImageConfig image = v.imageConfig();
        return new RunnableFunction(
                region.account(),
                region.region(),
                function.name(),
                function.arn(),
                v.version(),
                code.isImage() ? null : v.runtime(),
                v.handler(),
                v.memorySize(),
                v.timeout(),
                v.environment() == null ? Map.of() : v.environment(),
                code.packageType(),
                code.imageUri(),
                image != null && image.hasEntryPoint() ? image.entryPoint() : null,
                image != null && image.hasCommand() ? image.command() : null,
                image != null ? image.workingDirectory() : null,
                code.directory(),
                code.hotReload(),
                code.codeSha256(),
                function.reservedConcurrency(),
                v.logGroup(),
                v.role());
    }
}
