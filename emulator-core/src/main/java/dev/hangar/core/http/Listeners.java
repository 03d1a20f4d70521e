package dev.hangar.core.http;

import dev.hangar.core.dataplane.DataPlaneRequest;
import dev.hangar.core.dataplane.DataPlaneRoute;
import dev.hangar.core.dataplane.DataPlaneRouter;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestDecoder;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Opens Hangar's HTTP listeners, the main one and any extra one a service needs (a Runtime API address per Lambda
 * execution environment, a port per load balancer listener), all on one set of Netty event loops. It exists before
 * any service is made, so a service can open listeners from its constructor on.
 */
public final class Listeners implements AutoCloseable {

    /**
     * Header names and values are only looked up, never echoed into a response, so Netty's per-character validation
     * of every request header buys nothing here.
     */
    private static final HttpDecoderConfig DECODER = new HttpDecoderConfig()
            .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValidation(false))
            .setTrailersFactory(DefaultHttpHeadersFactory.trailersFactory().withValidation(false));

    private final EventLoopGroup group;
    private final Class<? extends ServerChannel> channelType;
    private final int maxRequestBytes;
    /** Hangar's whole API (the main port's handler), once the server has made it. */
    private volatile HttpHandler api;

    /** @param eventLoopThreads 0 = Netty's default (twice the cores) */
    public Listeners(int eventLoopThreads, int maxRequestBytes) {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        this.group = new MultiThreadIoEventLoopGroup(eventLoopThreads, io);
        this.maxRequestBytes = maxRequestBytes;
    }

    /**
     * @throws IllegalStateException when the address cannot be bound (in use, not an address of this machine),
     *                               naming it
     */
    public Listener open(String host, int port, HttpHandler handler) {
        try {
            Channel channel = new ServerBootstrap()
                    .group(group)
                    .channel(channelType)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast(new HttpRequestDecoder(DECODER))
                                    .addLast(new NettyRequestHandler(handler, maxRequestBytes));
                        }
                    })
                    .bind(host, port).sync().channel();
            return new Listener(channel);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding " + host + ":" + port, e);
        } catch (Exception e) {
            // Netty rethrows the bind's own exception (a checked BindException among them) as it is
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * A listener of one data-plane endpoint's own (a load balancer listener's port, an address a container reaches):
     * every request on it goes to the route's handler, whatever its Host header, as {@link DataPlaneRouter#direct}
     * makes it. The same route may also be on the router, reached on the main port by its Host header. A path
     * outside the route's prefix is answered 404.
     */
    public Listener open(String host, int port, DataPlaneRoute route) {
        return open(host, port, request -> {
            DataPlaneRequest endpoint = DataPlaneRouter.direct(route, request);
            return endpoint == null ? notFound() : route.handler().handle(endpoint);
        });
    }

    /**
     * A listener serving the routes of a router of its own (the ECS metadata address: v3, v4 and credentials), found
     * as on the main port; a request none takes is answered 404.
     */
    public Listener open(String host, int port, DataPlaneRouter routes) {
        return open(host, port, request -> {
            DataPlaneRequest endpoint = routes.find(request);
            return endpoint == null ? notFound() : endpoint.route().handler().handle(endpoint);
        });
    }

    /** Set by the server once its request pipeline exists: what {@link #openApi} listeners serve. */
    public void api(HttpHandler handler) {
        this.api = handler;
    }

    /**
     * A listener on another address that serves Hangar's whole API as the main port does (AWS calls, data plane,
     * admin), for clients that cannot reach the main address: ECS task containers on a Docker network reach Hangar at
     * that network's gateway.
     */
    public Listener openApi(String host, int port) {
        return open(host, port, request -> {
            HttpHandler handler = api;
            return handler != null ? handler.handle(request) : CompletableFuture.completedFuture(
                    AwsHttpResponse.json(503, "{\"message\":\"Hangar is starting\"}"));
        });
    }

    private static CompletableFuture<AwsHttpResponse> notFound() {
        return CompletableFuture.completedFuture(AwsHttpResponse.json(404, "{\"message\":\"Not Found\"}"));
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
