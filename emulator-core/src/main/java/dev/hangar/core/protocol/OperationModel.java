package dev.hangar.core.protocol;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * One operation of a service as the SDK models it.
 *
 * @param name       the operation name as on the wire: "RunTask", "Invoke"
 * @param http       the HTTP binding: method, request URI template, success status
 */
public record OperationModel(
        String name,
        Class<? extends SdkRequest> requestClass,
        Class<? extends SdkResponse> responseClass,
        HttpBinding http) {

    /** restJson's binding of an operation; awsJson operations are all POST / with status 200. */
    public record HttpBinding(String method, String requestUri, int successStatus) {
    }
}
