package hangar.test;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Handler hangar.test.FailHandler: throws, an Unhandled function error (java.lang.RuntimeException). */
public class FailHandler implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        throw new RuntimeException("Handler fails");
    }
}
