package dev.hangar.core.protocol;

import dev.hangar.core.service.AwsException;
import dev.hangar.core.service.Protocol;
import software.amazon.awssdk.core.SdkPojo;

/**
 * EC2's query protocol: list elements are numbered right after the list's name ({@code InstanceId.1}, the EC2
 * models' locationNames already carry EC2's capitalised query names); a response is
 * {@code <OpResponse xmlns=…><requestId/>members</OpResponse>} with no Result wrapper, lists of {@code <item>}, and an
 * error {@code <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>}.
 */
public final class Ec2QueryCodec extends QueryCodec {

    Ec2QueryCodec() {
        super(Protocol.EC2_QUERY, true);
    }

    @Override
    AwsException unknownAction(ServiceModel service, String action, String version) {
        return new AwsException("InvalidAction", 400, "The action " + action + " is not valid for this web service.");
    }

    @Override
    void writeEnvelope(XmlWriter xml, OperationModel operation, SdkPojo response, String requestId) {
        String root = operation.name() + "Response";
        xml.start(root, operation.xmlNamespace()).element("requestId", requestId);
        if (hasMembers(response)) {
            XmlMembers.write(xml, response, PojoShape.of(response.getClass()));
        }
        xml.end(root);
    }

    @Override
    void writeErrorEnvelope(XmlWriter xml, ServiceModel service, ErrorDescription description, boolean senderFault,
                            String requestId) {
        xml.start("Response").start("Errors").start("Error").element("Code", description.code());
        XmlMembers.writeErrorMembers(xml, description);
        xml.end("Error").end("Errors").element("RequestID", requestId).end("Response");
    }
}
