package dev.hangar.core.protocol;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

import java.util.List;

/**
 * One operation of a service as the SDK models it.
 *
 * @param name       the operation name as on the wire: "RunTask", "Invoke"
 * @param http       the HTTP binding: method, request URI template, success status
 * @param rules      what the codec checks and how it words bad input for this operation
 * @param xmlNamespace the namespace of the query protocols' response bodies (the service's), null otherwise
 */
public record OperationModel(
        String name,
        Class<? extends SdkRequest> requestClass,
        Class<? extends SdkResponse> responseClass,
        HttpBinding http,
        ReadRules rules,
        String xmlNamespace) {

    public OperationModel(String name, Class<? extends SdkRequest> requestClass,
                          Class<? extends SdkResponse> responseClass, HttpBinding http) {
        this(name, requestClass, responseClass, http, ReadRules.NONE, null);
    }

    public OperationModel(String name, Class<? extends SdkRequest> requestClass,
                          Class<? extends SdkResponse> responseClass, HttpBinding http, ReadRules rules) {
        this(name, requestClass, responseClass, http, rules, null);
    }

    /** The HTTP status of a successful answer (200 when the binding says nothing). */
    public int successStatus() {
        return http == null ? 200 : http.successStatus();
    }

    /**
     * The operation's HTTP binding, as the SDK's marshaller holds it (awsJson operations are all POST / with 200).
     *
     * @param operationIdentifier awsJson's X-Amz-Target value ("AmazonEC2ContainerServiceV20141113.RunTask"), or null
     * @param hasExplicitPayload  one member (PayloadTrait) is the whole body
     * @param hasStreamingInput   the body is a stream the SDK model class does not hold (read it from the raw request)
     */
    public record HttpBinding(String method, String requestUri, int successStatus, String operationIdentifier,
                              boolean hasExplicitPayload, boolean hasStreamingInput) {

        public HttpBinding(String method, String requestUri, int successStatus) {
            this(method, requestUri, successStatus, null, false, false);
        }
    }

    /**
     * @param service          Hangar's service name ("lambda")
     * @param requiredMembers  top-level members (SDK memberName) AWS rejects as missing, in model order
     * @param requestErrors    how this service words unreadable request bodies
     */
    public record ReadRules(String service, List<String> requiredMembers, RequestErrors requestErrors) {

        public static final ReadRules NONE = new ReadRules("", List.of(), RequestErrors.SERIALIZATION_EXCEPTION);
    }
}
