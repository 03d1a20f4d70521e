package hangar.test;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Handler hangar.test.StreamHandler: answers the raw event bytes wrapped as {"raw": <event>}. */
public class StreamHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        output.write("{\"raw\":".getBytes(StandardCharsets.UTF_8));
        output.write(event.length == 0 ? "null".getBytes(StandardCharsets.UTF_8) : event);
        output.write("}".getBytes(StandardCharsets.UTF_8));
    }
}
