package dev.hangar.core.protocol;

import dev.hangar.core.service.Protocol;

/**
 * The one codec of each wire protocol; all are stateless and thread-safe. Each is made when a service first names
 * its protocol (a holder class per protocol), so a start loads only the codecs of the services it serves.
 */
public final class Codecs {

    private static final class AwsJson10 {
        static final ProtocolCodec CODEC = new AwsJsonCodec(Protocol.AWS_JSON_1_0);
    }

    private static final class AwsJson11 {
        static final ProtocolCodec CODEC = new AwsJsonCodec(Protocol.AWS_JSON_1_1);
    }

    private static final class RestJson1 {
        static final ProtocolCodec CODEC = new RestJsonCodec();
    }

    private static final class AwsQuery {
        static final ProtocolCodec CODEC = new AwsQueryCodec();
    }

    private static final class Ec2Query {
        static final ProtocolCodec CODEC = new Ec2QueryCodec();
    }

    private static final class RpcV2Cbor {
        static final ProtocolCodec CODEC = new RpcV2CborCodec();
    }

    private Codecs() {
    }

    public static ProtocolCodec forProtocol(Protocol protocol) {
        return switch (protocol) {
            case AWS_JSON_1_0 -> AwsJson10.CODEC;
            case AWS_JSON_1_1 -> AwsJson11.CODEC;
            case REST_JSON_1 -> RestJson1.CODEC;
            case AWS_QUERY -> AwsQuery.CODEC;
            case EC2_QUERY -> Ec2Query.CODEC;
            case RPC_V2_CBOR -> RpcV2Cbor.CODEC;
        };
    }
}
