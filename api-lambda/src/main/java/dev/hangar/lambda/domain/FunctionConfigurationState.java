package dev.hangar.lambda.domain;

import dev.hangar.lambda.LambdaTimestamps;
import software.amazon.awssdk.services.lambda.model.EnvironmentResponse;
import software.amazon.awssdk.services.lambda.model.EphemeralStorage;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ImageConfig;
import software.amazon.awssdk.services.lambda.model.ImageConfigResponse;
import software.amazon.awssdk.services.lambda.model.LoggingConfig;
import software.amazon.awssdk.services.lambda.model.RuntimeVersionConfig;
import software.amazon.awssdk.services.lambda.model.SnapStartResponse;
import software.amazon.awssdk.services.lambda.model.TracingConfigResponse;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One version's configuration as it stands ($LATEST or a published number). Immutable: every change is a new value
 * with a new RevisionId, so a reader never sees half an update.
 *
 * @param environment  null when the function never had an Environment (AWS then omits the member)
 * @param imageConfig  the ImageConfig of an Image function, or null
 * @param configRevision Hangar's own counter of $LATEST changes, to tell whether PublishVersion has anything new
 */
public record FunctionConfigurationState(
        String functionName,
        String version,
        String runtime,
        String handler,
        String role,
        String description,
        int timeout,
        int memorySize,
        int ephemeralStorage,
        Map<String, String> environment,
        List<String> architectures,
        String tracingMode,
        ImageConfig imageConfig,
        String logFormat,
        String logGroup,
        CodePackage code,
        Instant lastModified,
        String revisionId,
        FunctionStatus status,
        long configRevision) {

    /** Runtime version ARNs are opaque to callers; Hangar reports one per runtime and region, stable across calls. */
    private static final String RUNTIME_VERSION_HASH =
            "8eeff65f6809a3ce81507fe733fe09b835899b99481ba22fd75b5a7338290ec1";

    public FunctionConfigurationState withStatus(FunctionStatus newStatus) {
        return toBuilder().status(newStatus).revisionId(UUID.randomUUID().toString()).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The configuration as AWS shows it; the ARN carries the version only where AWS puts it there. */
    public FunctionConfiguration toSdk(String unqualifiedArn, boolean qualifiedArn, String region) {
        FunctionConfiguration.Builder b = FunctionConfiguration.builder()
                .functionName(functionName)
                .functionArn(qualifiedArn ? unqualifiedArn + ":" + version : unqualifiedArn)
                .role(role)
                .codeSize(code.codeSize())
                .description(description)
                .timeout(timeout)
                .memorySize(memorySize)
                .lastModified(LambdaTimestamps.format(lastModified))
                .codeSha256(code.codeSha256())
                .version(version)
                .tracingConfig(TracingConfigResponse.builder().mode(tracingMode).build())
                .revisionId(revisionId)
                .packageType(code.packageType())
                .architecturesWithStrings(architectures)
                .ephemeralStorage(EphemeralStorage.builder().size(ephemeralStorage).build())
                .snapStart(SnapStartResponse.builder().applyOn("None").optimizationStatus("Off").build())
                .loggingConfig(LoggingConfig.builder().logFormat(logFormat).logGroup(logGroup).build())
                .state(status.state())
                .stateReason(status.stateReason())
                .stateReasonCode(status.stateReasonCode())
                .lastUpdateStatus(status.lastUpdateStatus())
                .lastUpdateStatusReason(status.lastUpdateStatusReason())
                .lastUpdateStatusReasonCode(status.lastUpdateStatusReasonCode());
        if (!code.isImage()) {
            b.runtime(runtime).handler(handler).runtimeVersionConfig(RuntimeVersionConfig.builder()
                    .runtimeVersionArn("arn:aws:lambda:" + region + "::runtime:" + RUNTIME_VERSION_HASH).build());
        } else if (imageConfig != null) {
            b.imageConfigResponse(ImageConfigResponse.builder().imageConfig(imageConfig).build());
        }
        if (environment != null) {
            b.environment(EnvironmentResponse.builder().variables(environment).build());
        }
        return b.build();
    }

    /** ListFunctions and ListVersionsByFunction leave out the state members and the runtime version, as AWS does. */
    public FunctionConfiguration toSdkListed(String unqualifiedArn, boolean qualifiedArn, String region) {
        return toSdk(unqualifiedArn, qualifiedArn, region).toBuilder()
                .state((String) null).stateReason(null).stateReasonCode((String) null)
                .lastUpdateStatus((String) null).lastUpdateStatusReason(null).lastUpdateStatusReasonCode((String) null)
                .runtimeVersionConfig((RuntimeVersionConfig) null)
                .build();
    }

    public static final class Builder {
        private String functionName;
        private String version;
        private String runtime;
        private String handler;
        private String role;
        private String description;
        private int timeout;
        private int memorySize;
        private int ephemeralStorage;
        private Map<String, String> environment;
        private List<String> architectures;
        private String tracingMode;
        private ImageConfig imageConfig;
        private String logFormat;
        private String logGroup;
        private CodePackage code;
        private Instant lastModified;
        private String revisionId;
        private FunctionStatus status;
        private long configRevision;

        public Builder() {
        }

        private Builder(FunctionConfigurationState s) {
            functionName = s.functionName;
            version = s.version;
            runtime = s.runtime;
            handler = s.handler;
            role = s.role;
            description = s.description;
            timeout = s.timeout;
            memorySize = s.memorySize;
            ephemeralStorage = s.ephemeralStorage;
            environment = s.environment;
            architectures = s.architectures;
            tracingMode = s.tracingMode;
            imageConfig = s.imageConfig;
            logFormat = s.logFormat;
            logGroup = s.logGroup;
            code = s.code;
            lastModified = s.lastModified;
            revisionId = s.revisionId;
            status = s.status;
            configRevision = s.configRevision;
        }

        public Builder functionName(String v) { functionName = v; return this; }
        public Builder version(String v) { version = v; return this; }
        public Builder runtime(String v) { runtime = v; return this; }
        public Builder handler(String v) { handler = v; return this; }
        public Builder role(String v) { role = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder timeout(int v) { timeout = v; return this; }
        public Builder memorySize(int v) { memorySize = v; return this; }
        public Builder ephemeralStorage(int v) { ephemeralStorage = v; return this; }
        public Builder environment(Map<String, String> v) {
            environment = v == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(v));
            return this;
        }
        public Builder architectures(List<String> v) { architectures = List.copyOf(v); return this; }
        public Builder tracingMode(String v) { tracingMode = v; return this; }
        public Builder imageConfig(ImageConfig v) { imageConfig = v; return this; }
        public Builder logFormat(String v) { logFormat = v; return this; }
        public Builder logGroup(String v) { logGroup = v; return this; }
        public Builder code(CodePackage v) { code = v; return this; }
        public Builder lastModified(Instant v) { lastModified = v; return this; }
        public Builder revisionId(String v) { revisionId = v; return this; }
        public Builder status(FunctionStatus v) { status = v; return this; }
        public Builder configRevision(long v) { configRevision = v; return this; }

        public FunctionConfigurationState build() {
            return new FunctionConfigurationState(functionName, version, runtime, handler, role, description, timeout,
                    memorySize, ephemeralStorage, environment, architectures, tracingMode, imageConfig, logFormat,
                    logGroup, code, lastModified, revisionId, status, configRevision);
        }
    }
}
