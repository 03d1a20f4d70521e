package dev.hangar.core.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns Netty's request into an {@link AwsHttpRequest}, and the pipeline's answer back into Netty's response. */
@ChannelHandler.Sharable
final class NettyRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(NettyRequestHandler.class);
    private final HttpHandler pipeline;

    NettyRequestHandler(HttpHandler pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
        boolean keepAlive = HttpUtil.isKeepAlive(msg);
        if (!msg.decoderResult().isSuccess()) {
            write(ctx, AwsHttpResponse.json(400, "{\"__type\":\"BadRequest\",\"message\":\"malformed HTTP request\"}"),
                    false);
            return;
        }
        AwsHttpRequest request = toAwsRequest(ctx, msg);
        pipeline.handle(request).whenComplete((response, error) -> {
            AwsHttpResponse out = error == null ? response : internalError(error);
            if (ctx.executor().inEventLoop()) {
                write(ctx, out, keepAlive);
            } else {
                ctx.executor().execute(() -> write(ctx, out, keepAlive));
            }
        });
    }

    private static AwsHttpRequest toAwsRequest(ChannelHandlerContext ctx, FullHttpRequest msg) {
        QueryStringDecoder uri = new QueryStringDecoder(msg.uri(), StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>(msg.headers().size() * 2);
        for (Map.Entry<String, String> header : msg.headers()) {
            headers.merge(header.getKey().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + "," + b);
        }
        Map<String, List<String>> query = uri.rawQuery().isEmpty() ? Map.of() : uri.parameters();
        String remote = ctx.channel().remoteAddress() == null ? null : ctx.channel().remoteAddress().toString();
        return new AwsHttpRequest(msg.method().name(), uri.rawPath(), uri.rawQuery(), query, headers,
                ByteBufUtil.getBytes(msg.content()), remote);
    }

    private static AwsHttpResponse internalError(Throwable error) {
        log.error("request failed outside any service's error handling", error);
        return AwsHttpResponse.json(500, "{\"__type\":\"InternalFailure\",\"message\":\"internal error\"}");
    }

    static void write(ChannelHandlerContext ctx, AwsHttpResponse response, boolean keepAlive) {
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()));
        HttpHeaders headers = out.headers();
        response.headers().forEach(headers::set);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, "close");
            ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(out);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("connection error: {}", cause.toString());
        ctx.close();
    }
}
