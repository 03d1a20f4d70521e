package dev.hangar.core.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hangar.core.http.AwsHttpRequest;
import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.core.service.AwsErrors;
import dev.hangar.core.service.Protocol;
import software.amazon.awssdk.core.SdkPojo;

import java.io.IOException;
import java.util.Map;

/**
 * awsJson 1.0 and 1.1: every call is {@code POST /} with {@code X-Amz-Target: <prefix>.<Operation>} and a JSON body
 * holding all members; errors are {@code {"__type": code, "message": ...}} plus {@code X-Amzn-ErrorType}.
 * Stateless and thread-safe.
 */
public final class AwsJsonCodec implements ProtocolCodec {

    private static final byte[] EMPTY_OBJECT = {'{', '}'};

    private final Protocol protocol;
    private final String contentType;

    AwsJsonCodec(Protocol protocol) {
        this.protocol = protocol;
        this.contentType = protocol.contentType();
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    /** awsJson names its operation in X-Amz-Target; no other protocol sends that header. */
    @Override
    public boolean accepts(AwsHttpRequest request) {
        return request.header("x-amz-target") != null;
    }

    @Override
    public OperationMatch resolve(ServiceModel service, AwsHttpRequest request) {
        String target = request.header("x-amz-target");
        if (target == null || target.isBlank()) {
            throw AwsErrors.unknownOperation("Missing X-Amz-Target header: " + service.descriptor().name()
                    + " expects X-Amz-Target: " + service.descriptor().targetPrefix() + ".<Operation>");
        }
        int dot = target.lastIndexOf('.');
        String prefix = service.descriptor().targetPrefix();
        boolean prefixOk = prefix == null ? dot > 0
                : target.length() > prefix.length() + 1 && target.startsWith(prefix) && dot == prefix.length();
        OperationModel operation = prefixOk ? service.operation(target.substring(dot + 1)) : null;
        if (operation == null) {
            throw AwsErrors.unknownOperation("Unknown operation " + target + " for service "
                    + service.descriptor().name());
        }
        return new OperationMatch(operation, Map.of());
    }

    @Override
    public SdkPojo readRequest(OperationMatch match, AwsHttpRequest request) {
        byte[] body = request.body();
        return RequestChecks.read(match.operation(), (shape, builder) -> {
            if (body != null) {
                SdkPojoReader.readBody(body, 0, body.length, shape, builder);
            }
        });
    }

    @Override
    public AwsHttpResponse writeResponse(OperationModel operation, SdkPojo response, String requestId) {
        byte[] body = response == null ? EMPTY_OBJECT
                : Json.write(g -> SdkPojoWriter.writeStructure(g, response, PojoShape.of(response.getClass())));
        int status = operation.successStatus();
        return AwsHttpResponse.of(status, contentType, body);
    }

    @Override
    public AwsHttpResponse writeError(ServiceModel service, Throwable error, String requestId) {
        ErrorDescription description = ErrorDescription.of(service, error);
        byte[] body = Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("__type", description.code());
            writeErrorMembers(g, description);
            g.writeEndObject();
        });
        return AwsHttpResponse.of(description.status(), contentType, body)
                .withHeader("X-Amzn-ErrorType", description.code());
    }

    /** The message (unless an extra member spells it "Message") and every other member of the error. */
    static void writeErrorMembers(JsonGenerator g, ErrorDescription description) throws IOException {
        if (description.message() != null && !description.extra().containsKey("Message")
                && !description.extra().containsKey("message")) {
            g.writeStringField("message", description.message());
        }
        for (Map.Entry<String, String> extra : description.extra().entrySet()) {
            g.writeStringField(extra.getKey(), extra.getValue());
        }
        if (description.modelled() != null) {
            SdkPojoWriter.writeMembers(g, description.modelled(), PojoShape.of(description.modelled().getClass()));
        }
    }
}
