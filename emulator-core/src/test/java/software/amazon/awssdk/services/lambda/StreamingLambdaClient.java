package software.amazon.awssdk.services.lambda;

import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamRequest;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponse;

/**
 * Test stand-in for a service descriptor's SDK client: LambdaClient's operations plus InvokeWithResponseStream.
 * Hangar's ServiceModel finds restJson operations among the sync client's one-argument methods, and an operation
 * with an event stream output exists on the async client only, so the model does not list it yet. This interface
 * lists it the way the model reads (in the SDK's package, so that the model classes and the in-process client are
 * found as for the real client), until the model finds such operations itself. Never called.
 */
public interface StreamingLambdaClient extends LambdaClient {

    default InvokeWithResponseStreamResponse invokeWithResponseStream(InvokeWithResponseStreamRequest request) {
        throw new UnsupportedOperationException("a stand-in for the model only");
    }
}
