package hangar.test;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Handler hangar.test.LogsHandler: writes to stdout, stderr and the Lambda logger. */
public class LogsHandler implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        System.out.println("log line 1");
        System.out.println("log line 2 for " + context.getAwsRequestId());
        System.err.println("stderr line");
        context.getLogger().log("via LambdaLogger\n");
        return "logged";
    }
}
