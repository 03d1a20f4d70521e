package dev.hangar.core.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;

/** Netty's aggregator, answering an oversized request with AWS's error shape instead of a bare 413. */
final class SizeLimitedAggregator extends HttpObjectAggregator {

    private final int maxBytes;

    SizeLimitedAggregator(int maxBytes) {
        super(maxBytes);
        this.maxBytes = maxBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        AwsHttpResponse response = AwsHttpResponse.json(413,
                        "{\"__type\":\"RequestEntityTooLargeException\",\"message\":\"Request must be smaller than "
                                + maxBytes + " bytes\"}")
                .withHeader("X-Amzn-ErrorType", "RequestEntityTooLargeException");
        // the rest of the body is still on the wire: the connection cannot be reused
        NettyRequestHandler.write(ctx, response, false);
    }
}
