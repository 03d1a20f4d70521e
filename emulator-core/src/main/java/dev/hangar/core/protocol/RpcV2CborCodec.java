package dev.hangar.core.protocol;

import dev.hangar.core.http.AwsHttpRequest;
import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.core.service.AwsException;
import dev.hangar.core.service.Protocol;
import software.amazon.awssdk.core.SdkPojo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Smithy RPC v2 CBOR: every call is {@code POST [prefix]/service/<Service>/operation/<Operation>} with
 * {@code smithy-protocol: rpc-v2-cbor} and a CBOR map holding all members; every answer carries that header back,
 * and errors are {@code {"__type": code, "message": ...}} with the modelled status. Stateless and thread-safe.
 */
public final class RpcV2CborCodec implements ProtocolCodec {

    public static final String PROTOCOL_HEADER = "smithy-protocol";
    public static final String PROTOCOL_VALUE = "rpc-v2-cbor";
    private static final String CONTENT_TYPE = Protocol.RPC_V2_CBOR.contentType();
    /** The empty map of definite length, for a response the handler left null. */
    private static final byte[] EMPTY_MAP = {(byte) 0xa0};
    private static final String OPERATION_SEGMENT = "/operation/";
    private static final String SERVICE_SEGMENT = "/service/";

    RpcV2CborCodec() {
    }

    @Override
    public Protocol protocol() {
        return Protocol.RPC_V2_CBOR;
    }

    /** Whether the request says it speaks rpcv2Cbor; no other protocol sends that header. */
    public static boolean isCbor(AwsHttpRequest request) {
        return PROTOCOL_VALUE.equals(request.header(PROTOCOL_HEADER));
    }

    @Override
    public boolean accepts(AwsHttpRequest request) {
        return isCbor(request);
    }

    /**
     * Only the last four path segments count (a prefix may come before them), and the service segment may be the
     * absolute shape id with '.' for '#' (com.amazonaws.cloudwatch.GraniteServiceVersion20100801), as the spec asks
     * servers to accept. Routing failures are 404s, as Smithy's own server answers them.
     */
    @Override
    public OperationMatch resolve(ServiceModel service, AwsHttpRequest request) {
        String path = request.path();
        String serviceName = service.descriptor().targetPrefix();
        if (!"POST".equals(request.method())) {
            throw new AwsException("UnknownOperationException", 405,
                    "rpcv2Cbor requests must be POST, not " + request.method() + " " + path);
        }
        if (request.header("x-amz-target") != null || request.header("x-amzn-target") != null) {
            // the spec makes servers refuse these: a request must not name its operation twice
            throw new AwsException("UnknownOperationException", 404,
                    "rpcv2Cbor requests must not carry X-Amz-Target or X-Amzn-Target");
        }
        int operationAt = path.lastIndexOf(OPERATION_SEGMENT);
        int serviceAt = operationAt <= 0 ? -1 : path.lastIndexOf(SERVICE_SEGMENT, operationAt - 1);
        String operationName = operationAt < 0 ? "" : path.substring(operationAt + OPERATION_SEGMENT.length());
        if (serviceAt < 0 || operationName.indexOf('/') >= 0
                || !namesService(path, serviceAt + SERVICE_SEGMENT.length(), operationAt, serviceName)) {
            throw new AwsException("UnknownOperationException", 404, "No operation at " + path + ": "
                    + service.descriptor().name() + " expects POST /service/" + serviceName + "/operation/<Operation>");
        }
        OperationModel operation = service.operation(operationName);
        if (operation == null) {
            throw new AwsException("UnknownOperationException", 404, "Unknown operation " + operationName
                    + " for service " + service.descriptor().name());
        }
        return new OperationMatch(operation, Map.of());
    }

    /** Whether path[start, end) is the service's name, alone or after its namespace and a '.'. */
    private static boolean namesService(String path, int start, int end, String serviceName) {
        int nameStart = end - serviceName.length();
        if (nameStart < start || !path.startsWith(serviceName, nameStart)) {
            return false;
        }
        if (nameStart == start) {
            return true;
        }
        if (path.charAt(nameStart - 1) != '.') {
            return false;
        }
        for (int i = start; i < nameStart - 1; i++) {
            char c = path.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public SdkPojo readRequest(OperationMatch match, AwsHttpRequest request) {
        byte[] body = request.body();
        return RequestChecks.read(match.operation(), (shape, builder) -> {
            if (body != null) {
                SdkPojoReader.readCborBody(body, 0, body.length, shape, builder);
            }
        });
    }

    @Override
    public AwsHttpResponse writeResponse(OperationModel operation, SdkPojo response, String requestId) {
        byte[] body = response == null ? EMPTY_MAP
                : Cbor.write(g -> SdkPojoWriter.writeStructure(g, response, PojoShape.of(response.getClass())));
        int status = operation.successStatus();
        return new AwsHttpResponse(status, headers(), body);
    }

    @Override
    public AwsHttpResponse writeError(ServiceModel service, Throwable error, String requestId) {
        ErrorDescription description = ErrorDescription.of(service, error);
        return new AwsHttpResponse(description.status(), headers(), Cbor.write(g -> {
            g.writeStartObject();
            g.writeStringField("__type", description.code());
            AwsJsonCodec.writeErrorMembers(g, description);
            g.writeEndObject();
        }));
    }

    /**
     * An error in this protocol's shape outside any service (no service claims the request).
     * Clients take the code from {@code __type}, with or without a namespace before a '#'.
     */
    public static AwsHttpResponse error(int status, String code, String message) {
        return new AwsHttpResponse(status, headers(), Cbor.write(g -> {
            g.writeStartObject();
            g.writeStringField("__type", code);
            g.writeStringField("message", message);
            g.writeEndObject();
        }));
    }

    /** Every answer, error or not, says which protocol it is in: clients take one without the header as malformed. */
    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CONTENT_TYPE);
        headers.put(PROTOCOL_HEADER, PROTOCOL_VALUE);
        return headers;
    }
}
