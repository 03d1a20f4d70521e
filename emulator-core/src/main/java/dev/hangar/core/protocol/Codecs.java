package dev.hangar.core.protocol;

import dev.hangar.core.service.Protocol;

/** The one codec of each wire protocol; all are stateless and thread-safe. */
public final class Codecs {

    private static final ProtocolCodec AWS_JSON_1_0 = new AwsJsonCodec(Protocol.AWS_JSON_1_0);
    private static final ProtocolCodec AWS_JSON_1_1 = new AwsJsonCodec(Protocol.AWS_JSON_1_1);
    private static final ProtocolCodec REST_JSON_1 = new RestJsonCodec();
    private static final ProtocolCodec AWS_QUERY = new AwsQueryCodec();
    private static final ProtocolCodec EC2_QUERY = new Ec2QueryCodec();
    private static final ProtocolCodec RPC_V2_CBOR = new RpcV2CborCodec();

    private Codecs() {
    }

    /** @throws UnsupportedOperationException for protocols Hangar does not speak yet */
    public static ProtocolCodec forProtocol(Protocol protocol) {
        return switch (protocol) {
            case AWS_JSON_1_0 -> AWS_JSON_1_0;
            case AWS_JSON_1_1 -> AWS_JSON_1_1;
            case REST_JSON_1 -> REST_JSON_1;
            case AWS_QUERY -> AWS_QUERY;
            case EC2_QUERY -> EC2_QUERY;
            case RPC_V2_CBOR -> RPC_V2_CBOR;
            default -> throw new UnsupportedOperationException("no codec yet for " + protocol);
        };
    }
}
