package hangar.test;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Handler hangar.test.SleepHandler: sleeps event.seconds (default 5), for timeouts. */
public class SleepHandler implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        Object s = event == null ? null : event.get("seconds");
        double seconds = s == null ? 5 : Double.parseDouble(String.valueOf(s));
        System.out.println("sleeping " + seconds + " s");
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "slept " + seconds;
    }
}
