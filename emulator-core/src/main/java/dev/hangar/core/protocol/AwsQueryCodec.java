package dev.hangar.core.protocol;

import dev.hangar.core.service.AwsException;
import dev.hangar.core.service.Protocol;
import software.amazon.awssdk.core.SdkPojo;

/**
 * awsQuery (IAM, STS, ELB, CloudWatch's older clients): lists travel as {@code Name.member.N}; a response is
 * {@code <OpResponse xmlns=…><OpResult>members</OpResult><ResponseMetadata><RequestId>…}, an error
 * {@code <ErrorResponse xmlns=…><Error><Type>Sender|Receiver</Type><Code/><Message/>…</Error><RequestId/>}.
 */
public final class AwsQueryCodec extends QueryCodec {

    AwsQueryCodec() {
        super(Protocol.AWS_QUERY, false);
    }

    @Override
    AwsException unknownAction(ServiceModel service, String action, String version) {
        return new AwsException("InvalidAction", 400, "Could not find operation " + action
                + (version == null ? "" : " for version " + version));
    }

    @Override
    void writeEnvelope(XmlWriter xml, OperationModel operation, SdkPojo response, String requestId) {
        String root = operation.name() + "Response";
        xml.start(root, operation.xmlNamespace());
        // AWS leaves the Result element out for operations whose output has no members (DeleteUser)
        if (hasMembers(response)) {
            String result = operation.name() + "Result";
            xml.start(result);
            XmlMembers.write(xml, response, PojoShape.of(response.getClass()));
            xml.end(result);
        }
        xml.start("ResponseMetadata").element("RequestId", requestId).end("ResponseMetadata");
        xml.end(root);
    }

    @Override
    void writeErrorEnvelope(XmlWriter xml, ServiceModel service, ErrorDescription description, boolean senderFault,
                            String requestId) {
        xml.start("ErrorResponse", service.descriptor().xmlNamespace()).start("Error")
                .element("Type", senderFault ? "Sender" : "Receiver")
                .element("Code", description.code());
        XmlMembers.writeErrorMembers(xml, description);
        xml.end("Error").element("RequestId", requestId).end("ErrorResponse");
    }
}
