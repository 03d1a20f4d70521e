package dev.hangar.core.protocol;

import dev.hangar.core.http.AwsHttpRequest;
import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.core.service.AwsException;
import dev.hangar.core.service.Protocol;
import software.amazon.awssdk.core.SdkPojo;

import java.util.Map;

/**
 * What awsQuery and EC2's query protocol share: the operation is named by {@code Action} (checked against the
 * service's {@code Version}), members arrive as form or URL parameters, answers are XML. The two differ in list
 * parameters, in the envelope of responses and errors, and in how they word an unknown action; the subclasses say
 * only that. Stateless and thread-safe.
 */
abstract class QueryCodec implements ProtocolCodec {

    private final Protocol protocol;
    private final boolean ec2Lists;

    QueryCodec(Protocol protocol, boolean ec2Lists) {
        this.protocol = protocol;
        this.ec2Lists = ec2Lists;
    }

    @Override
    public final Protocol protocol() {
        return protocol;
    }

    /** A form body or an Action parameter: no other protocol sends either. */
    @Override
    public final boolean accepts(AwsHttpRequest request) {
        return QueryForm.isQueryShaped(request);
    }

    @Override
    public final OperationMatch resolve(ServiceModel service, AwsHttpRequest request) {
        String action = QueryForm.parameter(request, "Action");
        if (action == null || action.isBlank()) {
            throw new AwsException("MissingAction", 400, "The request must contain the parameter Action");
        }
        String version = QueryForm.parameter(request, "Version");
        String expected = service.descriptor().apiVersion();
        // a version the service is not served in names no operation there, whatever the Action
        boolean versionOk = version == null || expected == null || expected.equals(version);
        OperationModel operation = versionOk ? service.operation(action) : null;
        if (operation == null) {
            throw unknownAction(service, action, version != null ? version : expected);
        }
        return new OperationMatch(operation, Map.of());
    }

    /** The error for an Action this service (at that version) does not have. */
    abstract AwsException unknownAction(ServiceModel service, String action, String version);

    @Override
    public final SdkPojo readRequest(OperationMatch match, AwsHttpRequest request) {
        return RequestChecks.read(match.operation(), (shape, builder) ->
                QueryRequestReader.readStructure(QueryForm.parse(request), shape, builder, ec2Lists));
    }

    @Override
    public final AwsHttpResponse writeResponse(OperationModel operation, SdkPojo response, String requestId) {
        XmlWriter xml = new XmlWriter();
        writeEnvelope(xml, operation, response, requestId);
        int status = operation.successStatus();
        return AwsHttpResponse.of(status, protocol.contentType(), xml.toBytes());
    }

    /** The whole success body: the operation's response element around the members and the request id. */
    abstract void writeEnvelope(XmlWriter xml, OperationModel operation, SdkPojo response, String requestId);

    @Override
    public final AwsHttpResponse writeError(ServiceModel service, Throwable error, String requestId) {
        ErrorDescription description = ErrorDescription.of(service, error);
        // an AwsException says whose fault it is; anything else is the sender's below 500
        boolean senderFault = error instanceof AwsException aws ? aws.senderFault() : description.status() < 500;
        XmlWriter xml = new XmlWriter();
        writeErrorEnvelope(xml, service, description, senderFault, requestId);
        return AwsHttpResponse.of(description.status(), protocol.contentType(), xml.toBytes());
    }

    /** The whole error body, with {@link XmlMembers#writeErrorMembers} inside its Error element. */
    abstract void writeErrorEnvelope(XmlWriter xml, ServiceModel service, ErrorDescription description,
                                     boolean senderFault, String requestId);

    /** Whether there is a response, of a shape with members to write. */
    static boolean hasMembers(SdkPojo response) {
        return response != null && PojoShape.of(response.getClass()).bodyMembers.length > 0;
    }
}
