package dev.hangar.core.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.hangar.core.protocol.RpcV2CborCodec;
import dev.hangar.core.routing.CredentialScope;

/** The answer to a request no emulated service claims: JSON in the common AWS error shape, naming what was seen. */
final class UnknownServiceResponse {

    private UnknownServiceResponse() {
    }

    static AwsHttpResponse of(AwsHttpRequest request, CredentialScope scope) {
        String message = "Hangar does not emulate the service this request addresses (signing name "
                + (scope == null ? "none" : "'" + scope.service() + "'")
                + ", X-Amz-Target " + quoted(request.header("x-amz-target"))
                + ", " + request.method() + " " + request.path() + ")";
        if (RpcV2CborCodec.isCbor(request)) {
            return inCbor(message);
        }
        String body = "{\"__type\":\"UnknownServiceException\",\"message\":\""
                + new String(JsonStringEncoder.getInstance().quoteAsString(message)) + "\"}";
        return AwsHttpResponse.json(404, body).withHeader("X-Amzn-ErrorType", "UnknownServiceException");
    }

    /** An rpcv2Cbor client reads no JSON: it gets the same error as a CBOR map, as the SDK parses it. */
    private static AwsHttpResponse inCbor(String message) {
        return RpcV2CborCodec.error(404, "UnknownServiceException", message);
    }

    private static String quoted(String value) {
        return value == null ? "none" : "'" + value + "'";
    }
}
