package dev.hangar.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hangar.core.resource.Constraints;
import dev.hangar.core.resource.Validation;
import dev.hangar.core.service.AwsErrors;
import dev.hangar.core.service.AwsException;
import software.amazon.awssdk.services.lambda.model.EphemeralStorage;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks CreateFunction and UpdateFunctionConfiguration share, with AWS's texts and AWS's order. */
final class LambdaValidation {

    static final String ROLE_PATTERN = "arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+";
    private static final Pattern ROLE = Pattern.compile(ROLE_PATTERN);
    private static final Pattern HANDLER = Pattern.compile("[^\\s]+");
    private static final Pattern ENV_KEY = Pattern.compile("[a-zA-Z]([a-zA-Z0-9_])+");
    private static final Pattern FUNCTION_NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Variables the Lambda runtime sets itself; AWS refuses them in a function's configuration. */
    private static final Set<String> RESERVED_ENV = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
            "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

    private LambdaValidation() {
    }

    /** The configurable members, as either request carries them (null = not given). */
    record Settings(String role, String handler, String description, Integer timeout, Integer memorySize,
                    EphemeralStorage ephemeralStorage, Map<String, String> environment, List<String> architectures) {
    }

    /** Model constraints first (ValidationException, all at once), as AWS's front end checks them. */
    static void model(String functionNameForCreate, Settings s) {
        Validation<AwsException> errors = new Validation<>(AwsErrors::validation);
        errors.pattern(functionNameForCreate, "functionName", FUNCTION_NAME,
                "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?"
                        + "([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
        errors.pattern(s.role(), "role", ROLE, ROLE_PATTERN);
        errors.length(s.handler(), "handler", 0, 128);
        errors.pattern(s.handler(), "handler", HANDLER, "[^\\s]+");
        errors.length(s.description(), "description", 0, 256);
        errors.range(s.timeout(), "timeout", 1, 900);
        errors.range(s.memorySize(), "memorySize", 128, 10240);
        if (s.ephemeralStorage() != null) {
            errors.range(s.ephemeralStorage().size(), "ephemeralStorage.size", 512, 10240);
        }
        if (s.environment() != null) {
            for (String key : s.environment().keySet()) {
                if (!ENV_KEY.matcher(key).matches()) {
                    errors.failWithoutValue("environment.variables", Constraints.mapEntries(true,
                            List.of(Constraints.pattern("[a-zA-Z]([a-zA-Z0-9_])+"))));
                    break;
                }
            }
        }
        if (s.architectures() != null && !s.architectures().isEmpty()) {
            if (s.architectures().size() > 1) {
                errors.fail(s.architectures(), "architectures", Constraints.maxLength(1));
            } else if (!List.of("x86_64", "arm64").contains(s.architectures().get(0))) {
                errors.fail(s.architectures(), "architectures", "Member must satisfy constraint: ["
                        + Constraints.enumSet(List.of("x86_64", "arm64")) + ", " + Constraints.notNull() + "]");
            }
        }
        errors.throwIfAny();
    }

    /** Then the service's own checks (InvalidParameterValueException). */
    static void environment(Map<String, String> environment) {
        if (environment == null) {
            return;
        }
        List<String> reserved = environment.keySet().stream().filter(RESERVED_ENV::contains).sorted().toList();
        if (!reserved.isEmpty()) {
            throw LambdaErrors.invalidParameter("Lambda was unable to configure your environment variables because the "
                    + "environment variables you have provided contains reserved keys that are currently not supported "
                    + "for modification. Reserved keys used in this request: " + String.join(", ", reserved));
        }
        String measured;
        try {
            measured = JSON.writeValueAsString(environment);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (measured.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > LambdaLimits.ENVIRONMENT_BYTES) {
            throw LambdaErrors.invalidParameter("Lambda was unable to configure your environment variables because the "
                    + "environment variables you have provided exceeded the 4KB limit. String measured: " + measured);
        }
    }

    static void runtime(String runtime) {
        Runtimes.check(runtime);
    }
}
