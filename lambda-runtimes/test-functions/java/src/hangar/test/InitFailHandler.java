package hangar.test;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Handler hangar.test.InitFailHandler: its static initializer throws, an init error. */
public class InitFailHandler implements RequestHandler<Map<String, Object>, String> {
    static {
        if (System.currentTimeMillis() > 0) {
            throw new IllegalStateException("init failed on purpose");
        }
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return "unreachable";
    }
}
