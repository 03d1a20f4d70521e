package hangar.test;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/** Handler hangar.test.EchoHandler: returns the event, the Lambda environment and the context. */
public class EchoHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final long INIT_PID = ProcessHandle.current().pid();
    private static int invocations;

    private static final String[] ENV_KEYS = {
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
        "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_LAMBDA_RUNTIME_API", "AWS_REGION",
        "AWS_DEFAULT_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_INITIALIZATION_TYPE", "LAMBDA_TASK_ROOT",
        "LAMBDA_RUNTIME_DIR", "_HANDLER", "_X_AMZN_TRACE_ID", "TZ", "AWS_ACCESS_KEY_ID",
    };

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        invocations++;
        Map<String, Object> env = new LinkedHashMap<>();
        for (String key : ENV_KEYS) {
            env.put(key, System.getenv(key));
        }
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("HANGAR_TEST_") || k.startsWith("USER_")) {
                env.put(k, v);
            }
        });
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("functionName", context.getFunctionName());
        ctx.put("functionVersion", context.getFunctionVersion());
        ctx.put("invokedFunctionArn", context.getInvokedFunctionArn());
        ctx.put("memoryLimitInMB", context.getMemoryLimitInMB());
        ctx.put("awsRequestId", context.getAwsRequestId());
        ctx.put("logGroupName", context.getLogGroupName());
        ctx.put("logStreamName", context.getLogStreamName());
        ctx.put("remainingTimeInMillis", context.getRemainingTimeInMillis());
        if (context.getClientContext() != null) {
            Map<String, Object> cc = new LinkedHashMap<>();
            cc.put("custom", context.getClientContext().getCustom());
            cc.put("env", context.getClientContext().getEnvironment());
            if (context.getClientContext().getClient() != null) {
                cc.put("appTitle", context.getClientContext().getClient().getAppTitle());
            }
            ctx.put("clientContext", cc);
        }
        if (context.getIdentity() != null) {
            ctx.put("identityId", context.getIdentity().getIdentityId());
            ctx.put("identityPoolId", context.getIdentity().getIdentityPoolId());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("event", event);
        result.put("env", env);
        result.put("context", ctx);
        result.put("pid", ProcessHandle.current().pid());
        result.put("initPid", INIT_PID);
        result.put("invocations", invocations);
        result.put("java", System.getProperty("java.version"));
        return result;
    }
}
