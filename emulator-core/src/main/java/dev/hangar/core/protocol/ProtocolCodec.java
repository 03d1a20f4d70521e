package dev.hangar.core.protocol;

import dev.hangar.core.http.AwsHttpRequest;
import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.core.service.Protocol;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Reads requests into and writes responses from the SDK's own model classes, for one wire protocol. Every method
 * reports bad input by throwing {@link dev.hangar.core.service.AwsException}; none lets anything else escape.
 */
public interface ProtocolCodec {

    Protocol protocol();

    /**
     * Whether the request is in this codec's protocol, for a service served in several (CloudWatch: rpcv2Cbor,
     * awsJson 1.0, awsQuery). Only asked among the protocols of the service the request was routed to.
     */
    default boolean accepts(AwsHttpRequest request) {
        return true;
    }

    /** Finds the operation this request addresses (X-Amz-Target, method + URI template, Action, or the CBOR path). */
    OperationMatch resolve(ServiceModel service, AwsHttpRequest request);

    /** Builds the typed request (e.g. RunTaskRequest) from body, path, query and headers; checks required members. */
    SdkPojo readRequest(OperationMatch match, AwsHttpRequest request);

    /**
     * Writes a typed response with the operation's success status.
     *
     * @param requestId the request's id, which query protocols also carry in the body
     */
    AwsHttpResponse writeResponse(OperationModel operation, SdkPojo response, String requestId);

    /**
     * Writes an error in this protocol's shape: AwsException, an SDK modelled exception (status from the service's
     * error table), or anything else as a 500 InternalFailure whose message names the error but carries no stack.
     */
    AwsHttpResponse writeError(ServiceModel service, Throwable error, String requestId);
}
