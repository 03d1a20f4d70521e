package hangar.test;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Handler hangar.test.CrashHandler: ends the JVM without a response (Runtime.ExitError). */
public class CrashHandler implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        System.out.println("about to crash");
        System.out.flush();
        Runtime.getRuntime().halt(1);
        return "unreachable";
    }
}
