package dev.hangar.core.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.hangar.core.protocol.QueryForm;
import dev.hangar.core.protocol.RpcV2CborCodec;
import dev.hangar.core.protocol.XmlWriter;
import dev.hangar.core.routing.CredentialScope;

/**
 * The answer to a request no emulated service claims, in the caller's protocol (so that its client shows our message
 * rather than a parse error): JSON in the common AWS error shape, the query protocols' XML for a query-shaped request,
 * or a CBOR map for an rpcv2Cbor one; each names what was seen.
 */
final class UnknownServiceResponse {

    private UnknownServiceResponse() {
    }

    static AwsHttpResponse of(AwsHttpRequest request, CredentialScope scope) {
        if (QueryForm.isQueryShaped(request)) {
            return query(request, scope);
        }
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

    /**
     * awsQuery's {@code <ErrorResponse>}, or EC2's {@code <Response><Errors>} for a request signed for EC2 (the SDKs
     * look for the error where their protocol puts it; botocore reads either). The request id is in the header.
     */
    private static AwsHttpResponse query(AwsHttpRequest request, CredentialScope scope) {
        String message = "Hangar does not emulate the service this request addresses (signing name "
                + (scope == null ? "none" : "'" + scope.service() + "'")
                + ", Action " + quoted(QueryForm.parameter(request, "Action"))
                + ", Version " + quoted(QueryForm.parameter(request, "Version")) + ")";
        boolean ec2 = scope != null && "ec2".equals(scope.service());
        XmlWriter xml = ec2 ? new XmlWriter().start("Response").start("Errors") : new XmlWriter().start("ErrorResponse");
        xml.start("Error").element("Type", "Sender").element("Code", "UnknownServiceException")
                .element("Message", message).end("Error");
        byte[] body = (ec2 ? xml.end("Errors").end("Response") : xml.end("ErrorResponse")).toBytes();
        return AwsHttpResponse.of(404, "text/xml", body);
    }

    /** An rpcv2Cbor client reads no JSON: it gets the same error as a CBOR map, as the SDK parses it. */
    private static AwsHttpResponse inCbor(String message) {
        return RpcV2CborCodec.error(404, "UnknownServiceException", message);
    }

    private static String quoted(String value) {
        return value == null ? "none" : "'" + value + "'";
    }
}
