package dev.hangar.lambda;

import dev.hangar.core.resource.PageKeys;
import dev.hangar.core.resource.TagRequest;
import dev.hangar.core.resource.TagRules;
import dev.hangar.core.resource.Validation;
import dev.hangar.core.service.AwsErrors;
import dev.hangar.core.time.HangarClock;
import dev.hangar.lambda.code.CodeJanitor;
import dev.hangar.lambda.domain.CodePackage;
import dev.hangar.lambda.domain.FunctionConfigurationState;
import dev.hangar.lambda.domain.FunctionStatus;
import dev.hangar.lambda.domain.LambdaFunction;
import dev.hangar.lambda.invoke.FunctionInvoker;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.PublishVersionRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creating, changing, publishing and deleting functions: the work behind FunctionHandlers, and the retirement of a
 * function's environments ConcurrencyHandlers asks for.
 */
final class Functions {

    private final CodeSource code;
    private final FunctionLifecycle lifecycle;
    private final FunctionInvoker invoker;
    private final CodeJanitor janitor;
    /** LastModified is on Hangar's clock. */
    private final HangarClock clock;

    Functions(CodeSource code, FunctionLifecycle lifecycle, FunctionInvoker invoker, CodeJanitor janitor,
              HangarClock clock) {
        this.code = code;
        this.lifecycle = lifecycle;
        this.invoker = invoker;
        this.janitor = janitor;
        this.clock = clock;
    }

    FunctionConfiguration create(LambdaRegion region, CreateFunctionRequest r) {
        String name = r.functionName() == null ? null : createName(region, r.functionName());
        if (name == null) {
            throw AwsErrors.missingMember("FunctionName");
        }
        Map<String, String> env = r.environment() != null && r.environment().hasVariables()
                ? r.environment().variables() : null;
        LambdaValidation.Settings settings = new LambdaValidation.Settings(r.role(), r.handler(), r.description(),
                r.timeout(), r.memorySize(), r.ephemeralStorage(), env,
                r.hasArchitectures() ? r.architecturesAsStrings() : null);
        LambdaValidation.model(name, settings);
        if (r.role() == null) {
            throw AwsErrors.missingMember("Role");
        }
        if (r.code() == null) {
            throw AwsErrors.missingMember("Code");
        }
        LambdaValidation.environment(env);
        CodeSource.Input input = new CodeSource.Input(r.code().zipFile(), r.code().s3Bucket(), r.code().s3Key(),
                r.code().imageUri());
        String packageType = r.packageType() == null ? "Zip" : r.packageTypeAsString();
        new Validation<>(AwsErrors::validation).oneOf(packageType, "packageType", List.of("Image", "Zip"))
                .throwIfAny();
        boolean image = packageType.equals("Image");
        if (!image) {
            if (r.runtime() == null || (r.handler() == null && !r.runtimeAsString().startsWith("provided"))) {
                throw LambdaErrors.invalidParameter(
                        "Runtime and Handler are mandatory parameters for functions created with deployment packages.");
            }
            LambdaValidation.runtime(r.runtimeAsString());
            if (r.imageConfig() != null) {
                throw LambdaErrors.invalidParameter("Please don't provide ImageConfig for Zip-type functions.");
            }
        }
        TagRequest tags = TagRequest.of(r.tags());
        TagRules.checkOnCreate(tags, LambdaTagging.ERRORS);
        if (region.find(name) != null) {
            throw LambdaErrors.functionExists(name);
        }
        CodePackage stored = image ? code.imagePackage(input) : code.zipPackage(region, name, input);
        FunctionConfigurationState latest = new FunctionConfigurationState.Builder()
                .functionName(name)
                .version(LambdaArns.LATEST)
                .runtime(image ? null : r.runtimeAsString())
                .handler(image ? null : r.handler())
                .role(r.role())
                .description(r.description() == null ? "" : r.description())
                .timeout(r.timeout() == null ? LambdaLimits.DEFAULT_TIMEOUT : r.timeout())
                .memorySize(r.memorySize() == null ? LambdaLimits.DEFAULT_MEMORY : r.memorySize())
                .ephemeralStorage(r.ephemeralStorage() == null || r.ephemeralStorage().size() == null
                        ? LambdaLimits.DEFAULT_EPHEMERAL_STORAGE : r.ephemeralStorage().size())
                .environment(env)
                .architectures(r.hasArchitectures() && !r.architectures().isEmpty()
                        ? r.architecturesAsStrings() : List.of("x86_64"))
                .tracingMode(r.tracingConfig() != null && r.tracingConfig().mode() != null
                        ? r.tracingConfig().modeAsString() : "PassThrough")
                .imageConfig(image ? r.imageConfig() : null)
                .logFormat(r.loggingConfig() != null && r.loggingConfig().logFormat() != null
                        ? r.loggingConfig().logFormatAsString() : "Text")
                .logGroup(r.loggingConfig() != null && r.loggingConfig().logGroup() != null
                        ? r.loggingConfig().logGroup() : "/aws/lambda/" + name)
                .code(stored)
                .lastModified(clock.now())
                .revisionId(UUID.randomUUID().toString())
                .status(FunctionStatus.creating())
                .configRevision(1)
                .build();
        LambdaFunction function = new LambdaFunction(name, region.arns().function(name), latest);
        function.tags().add(tags, LambdaTagging.ERRORS);
        try {
            region.add(function);
        } catch (RuntimeException e) {
            code.release(stored);
            throw e;
        }
        lifecycle.settleCreation(function, latest);
        if (Boolean.TRUE.equals(r.publish())) {
            LambdaFunction.Published published = function.publish(Functions::newVersion);
            lifecycle.settleCreation(function, published.version());
            return published.version().toSdk(function.arn(), true, region.region());
        }
        return latest.toSdk(function.arn(), false, region.region());
    }

    /** CreateFunction takes a name or an ARN of this account and region naming the function to be. */
    private static String createName(LambdaRegion region, String functionName) {
        if (functionName.startsWith("arn:") || functionName.contains(":function:")) {
            LambdaArns.FunctionRef ref = region.arns().ref(functionName, null);
            return ref.name();
        }
        return functionName;
    }

    FunctionConfiguration updateCode(LambdaRegion region, UpdateFunctionCodeRequest r) {
        LambdaArns.FunctionRef ref = region.arns().ref(r.functionName(), null);
        LambdaFunction function = region.require(ref.name());
        FunctionConfigurationState current = function.latest();
        checkUpdatable(function, current, r.revisionId());
        CodeSource.Input input = new CodeSource.Input(r.zipFile(), r.s3Bucket(), r.s3Key(), r.imageUri());
        if (input.empty()) {
            throw LambdaErrors.invalidParameter("Please provide a source for function code.");
        }
        CodePackage stored = current.code().isImage()
                ? code.imagePackage(input) : code.zipPackage(region, function.name(), input);
        FunctionConfigurationState updated = function.updateLatest(latest -> latest.toBuilder()
                .code(stored)
                .architectures(r.hasArchitectures() && !r.architectures().isEmpty()
                        ? r.architecturesAsStrings() : latest.architectures())
                .lastModified(clock.now())
                .revisionId(UUID.randomUUID().toString())
                .status(nextStatus(latest))
                .configRevision(latest.configRevision() + 1)
                .build());
        invoker.retire(function.arn(), LambdaArns.LATEST);
        janitor.released(function, current.code(), current.timeout());
        settle(function, updated);
        if (Boolean.TRUE.equals(r.publish())) {
            LambdaFunction.Published published = function.publish(Functions::newVersion);
            lifecycle.settleCreation(function, published.version());
            return published.version().toSdk(function.arn(), true, region.region());
        }
        return updated.toSdk(function.arn(), false, region.region());
    }

    FunctionConfiguration updateConfiguration(LambdaRegion region, UpdateFunctionConfigurationRequest r) {
        LambdaArns.FunctionRef ref = region.arns().ref(r.functionName(), null);
        Map<String, String> env = r.environment() == null ? null
                : r.environment().hasVariables() ? r.environment().variables() : Map.of();
        LambdaValidation.model(null, new LambdaValidation.Settings(r.role(), r.handler(), r.description(),
                r.timeout(), r.memorySize(), r.ephemeralStorage(), env, null));
        LambdaFunction function = region.require(ref.name());
        FunctionConfigurationState current = function.latest();
        checkUpdatable(function, current, r.revisionId());
        LambdaValidation.environment(env);
        boolean image = current.code().isImage();
        if (r.runtime() != null) {
            if (image) {
                throw LambdaErrors.invalidParameter("Please don't provide Runtime or Handler for Image-type functions.");
            }
            LambdaValidation.runtime(r.runtimeAsString());
        }
        if (r.imageConfig() != null && !image) {
            throw LambdaErrors.invalidParameter("Please don't provide ImageConfig for Zip-type functions.");
        }
        FunctionConfigurationState updated = function.updateLatest(latest -> {
            FunctionConfigurationState.Builder b = latest.toBuilder();
            if (r.role() != null) {
                b.role(r.role());
            }
            if (r.handler() != null && !image) {
                b.handler(r.handler());
            }
            if (r.runtime() != null) {
                b.runtime(r.runtimeAsString());
            }
            if (r.description() != null) {
                b.description(r.description());
            }
            if (r.timeout() != null) {
                b.timeout(r.timeout());
            }
            if (r.memorySize() != null) {
                b.memorySize(r.memorySize());
            }
            if (r.ephemeralStorage() != null && r.ephemeralStorage().size() != null) {
                b.ephemeralStorage(r.ephemeralStorage().size());
            }
            if (env != null) {
                b.environment(env);
            }
            if (r.imageConfig() != null) {
                b.imageConfig(r.imageConfig());
            }
            if (r.tracingConfig() != null && r.tracingConfig().mode() != null) {
                b.tracingMode(r.tracingConfig().modeAsString());
            }
            if (r.loggingConfig() != null) {
                if (r.loggingConfig().logFormat() != null) {
                    b.logFormat(r.loggingConfig().logFormatAsString());
                }
                if (r.loggingConfig().logGroup() != null) {
                    b.logGroup(r.loggingConfig().logGroup());
                }
            }
            return b.lastModified(clock.now())
                    .revisionId(UUID.randomUUID().toString())
                    .status(nextStatus(latest))
                    .configRevision(latest.configRevision() + 1)
                    .build();
        });
        invoker.retire(function.arn(), LambdaArns.LATEST);
        settle(function, updated);
        return updated.toSdk(function.arn(), false, region.region());
    }

    /** A function whose creation failed starts over as Pending; an Active one goes through InProgress. */
    private static FunctionStatus nextStatus(FunctionConfigurationState current) {
        return current.status().isFailed() ? FunctionStatus.creating() : FunctionStatus.updating();
    }

    private void settle(LambdaFunction function, FunctionConfigurationState changed) {
        if (changed.status().isPending()) {
            lifecycle.settleCreation(function, changed);
        } else {
            lifecycle.settleUpdate(function, changed);
        }
    }

    /** AWS refuses an update while the function is still being created or updated, and on a stale RevisionId. */
    private static void checkUpdatable(LambdaFunction function, FunctionConfigurationState current, String revisionId) {
        if (current.status().isPending() || current.status().isUpdating()) {
            throw LambdaErrors.updateInProgress(function.arn());
        }
        if (revisionId != null && !revisionId.equals(current.revisionId())) {
            throw LambdaErrors.revisionMismatch();
        }
    }

    FunctionConfiguration publish(LambdaRegion region, PublishVersionRequest r) {
        LambdaArns.FunctionRef ref = region.arns().ref(r.functionName(), null);
        LambdaFunction function = region.require(ref.name());
        FunctionConfigurationState latest = function.latest();
        if (latest.status().isPending() || latest.status().isUpdating()) {
            throw LambdaErrors.updateInProgress(function.arn());
        }
        if (r.revisionId() != null && !r.revisionId().equals(latest.revisionId())) {
            throw LambdaErrors.revisionMismatch();
        }
        if (r.codeSha256() != null && !r.codeSha256().equals(latest.code().codeSha256()) && !latest.code().hotReload()) {
            throw LambdaErrors.invalidParameter("CodeSHA256 (" + r.codeSha256() + ") is different from current "
                    + "CodeSHA256 in $LATEST (" + latest.code().codeSha256() + "). Please try again with the "
                    + "CodeSHA256 in $LATEST.");
        }
        LambdaFunction.Published published = function.publish((from, number) -> {
            FunctionConfigurationState v = newVersion(from, number);
            return r.description() == null ? v : v.toBuilder().description(r.description()).build();
        });
        if (published.created()) {
            lifecycle.settleCreation(function, published.version());
        }
        return published.version().toSdk(function.arn(), true, region.region());
    }

    private static FunctionConfigurationState newVersion(FunctionConfigurationState latest, String number) {
        return latest.toBuilder()
                .version(number)
                .revisionId(UUID.randomUUID().toString())
                .status(FunctionStatus.creating())
                .build();
    }

    void delete(LambdaRegion region, LambdaArns.FunctionRef ref) {
        if (LambdaArns.LATEST.equals(ref.qualifier())) {
            throw LambdaErrors.invalidParameter("$LATEST version cannot be deleted without deleting the function.");
        }
        LambdaFunction function = region.require(ref.name());
        if (ref.qualified()) {
            FunctionConfigurationState removed = function.removeVersion(ref.qualifier());
            if (removed != null) {
                invoker.retire(function.arn(), ref.qualifier());
                janitor.released(function, removed.code(), removed.timeout());
            }
            return;
        }
        if (region.remove(ref.name()) != function) {
            throw LambdaErrors.functionNotFound(region.arns().function(ref.name()));
        }
        function.markDeleted();
        for (FunctionConfigurationState v : function.allVersions()) {
            invoker.retire(function.arn(), v.version());
        }
        // only this function's own packages: a function of the same name created meanwhile keeps its code
        function.allVersions().stream().map(FunctionConfigurationState::code).distinct().forEach(code::release);
    }

    /** Reserved concurrency is part of every version's runnable form. */
    void retireAll(LambdaFunction function) {
        for (FunctionConfigurationState v : function.allVersions()) {
            invoker.retire(function.arn(), v.version());
        }
    }

    /** The version a reference names, or ResourceNotFoundException with the ARN as the caller wrote it. */
    static FunctionConfigurationState version(LambdaRegion region, LambdaFunction function,
                                              LambdaArns.FunctionRef ref) {
        FunctionConfigurationState v = function == null ? null : function.version(ref.qualifierOrLatest());
        if (v == null) {
            throw LambdaErrors.functionNotFound(region.arns().function(ref.name(), ref.qualifier()));
        }
        return v;
    }

}
