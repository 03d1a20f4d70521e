import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The harness's yardstick: what this machine gives a minimal server, measured in the same run and in the same way as
 * Hangar (bench/run.py compiles it against the Netty and Jackson jars Hangar uses, nothing else on the class path).
 *
 * <pre>java BareNettyServer PORT jackson RESPONSE.json   # Netty's HTTP codec, Jackson reads each body and writes
 *                                                        # the response tree (the JSON Hangar answers) per request
 * java BareNettyServer PORT floor                        # no HTTP parsing, no JSON: the same fixed bytes for every
 *                                                        # read, the cost of the sockets alone</pre>
 *
 * Not part of Hangar; it answers every request alike.
 */
public final class BareNettyServer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String mode = args[1];
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(EpollIoHandler.newFactory());
        ChannelInitializer<SocketChannel> init = switch (mode) {
            case "jackson" -> jackson(Files.readAllBytes(Path.of(args[2])));
            case "floor" -> floor();
            default -> throw new IllegalArgumentException("mode: jackson or floor");
        };
        new ServerBootstrap().group(group).channel(EpollServerSocketChannel.class).childHandler(init)
                .bind("127.0.0.1", port).sync();
    }

    private static ChannelInitializer<SocketChannel> jackson(byte[] responseJson) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode response = mapper.readTree(responseJson);
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                        new HttpServerKeepAliveHandler(), new SimpleChannelInboundHandler<FullHttpRequest>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request)
                                    throws Exception {
                                mapper.readTree(new ByteBufInputStream(request.content()));
                                byte[] body = mapper.writeValueAsBytes(response);
                                FullHttpResponse answer = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                                        HttpResponseStatus.OK, Unpooled.wrappedBuffer(body));
                                answer.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/x-amz-json-1.1")
                                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                                HttpUtil.setKeepAlive(answer, HttpUtil.isKeepAlive(request));
                                ctx.writeAndFlush(answer);
                            }
                        });
            }
        };
    }

    private static ChannelInitializer<SocketChannel> floor() {
        byte[] body = new byte[1100];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuf answer = Unpooled.unreleasableBuffer(Unpooled.directBuffer().writeBytes(head).writeBytes(body));
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        // one read is one request here: wrk sends each whole and waits for its answer
                        ((ByteBuf) msg).release();
                        ctx.writeAndFlush(answer.duplicate());
                    }
                });
            }
        };
    }
}
