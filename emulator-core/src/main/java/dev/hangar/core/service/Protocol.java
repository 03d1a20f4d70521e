package dev.hangar.core.service;

/** The AWS wire protocols Hangar speaks; each has exactly one codec. */
public enum Protocol {
    AWS_JSON_1_0("application/x-amz-json-1.0"),
    AWS_JSON_1_1("application/x-amz-json-1.1"),
    REST_JSON_1("application/json"),
    /** Form-encoded requests ({@code Action=...&Version=...}), XML responses: IAM, STS, ELB, CloudWatch's older clients. */
    AWS_QUERY("text/xml"),
    /** EC2's own variant of the query protocol: other list and error conventions. */
    EC2_QUERY("text/xml;charset=UTF-8"),
    /** Smithy RPC v2 with CBOR bodies: {@code POST /service/<Service>/operation/<Op>}, {@code smithy-protocol: rpc-v2-cbor}. */
    RPC_V2_CBOR("application/cbor");

    private final String contentType;

    Protocol(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }
}
