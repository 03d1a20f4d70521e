package dev.hangar.lambda.invoke;

import java.util.LinkedHashMap;
import java.util.Map;

/** The environment variables Lambda sets in every execution environment, around the function's own. */
final class StandardVariables {

    private StandardVariables() {
    }

    static Map<String, String> of(RunnableFunction fn, LaunchPlan plan, String logStream, int runtimeApiPort,
                                  InvokeConfig config) {
        return of(fn, plan, logStream, runtimeApiPort, config, null);
    }

    /** @param hangarEndpoint AWS_ENDPOINT_URL when the configuration names none; null = none */
    static Map<String, String> of(RunnableFunction fn, LaunchPlan plan, String logStream, int runtimeApiPort,
                                  InvokeConfig config, java.net.URI hangarEndpoint) {
        Map<String, String> env = new LinkedHashMap<>();
        // the function may override these (AWS lists them as unreserved)
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        if (config.awsEndpointUrl() != null) {
            env.put("AWS_ENDPOINT_URL", config.awsEndpointUrl());
        } else if (hangarEndpoint != null) {
            env.put("AWS_ENDPOINT_URL", hangarEndpoint.toString());
        }
        if (fn.environment() != null) {
            env.putAll(fn.environment());
        }
        // reserved: what the runtime and the platform depend on
        env.put("AWS_LAMBDA_FUNCTION_NAME", fn.functionName());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", fn.version());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(fn.memoryMb()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", logGroup(fn));
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", logStream);
        env.put("AWS_LAMBDA_RUNTIME_API", config.runtimeApiHost() + ":" + runtimeApiPort);
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_REGION", fn.region());
        env.put("AWS_DEFAULT_REGION", fn.region());
        // Hangar takes a 12-digit access key id for the account: calls the function makes land in its own account
        env.put("AWS_ACCESS_KEY_ID", fn.account());
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_SESSION_TOKEN", "test");
        env.put("LAMBDA_TASK_ROOT", LaunchPlan.TASK_ROOT);
        env.put("LAMBDA_RUNTIME_DIR", LaunchPlan.RUNTIME_DIR);
        if (fn.runtime() != null) {
            env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + fn.runtime());
        }
        if (plan.handler() != null) {
            env.put("_HANDLER", plan.handler());
        }
        return env;
    }

    static String logGroup(RunnableFunction fn) {
        return fn.logGroup() != null ? fn.logGroup() : "/aws/lambda/" + fn.functionName();
    }
}
