package dev.hangar.core.http;

import dev.hangar.core.admin.AdminHandler;
import dev.hangar.core.admin.RuntimeAdmin;
import dev.hangar.core.routing.ServiceResolver;
import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.BoundService;
import dev.hangar.core.service.ServiceDescriptor;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
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

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Hangar's HTTP/1.1 endpoint: one Netty server in front of every emulated service and the admin endpoints. */
public final class HangarServer implements AutoCloseable {

    /** The largest AWS request Hangar accepts: Lambda's CreateFunction limit. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 70_167_211;

    /**
     * Header names and values are only looked up, never echoed into a response, so Netty's per-character validation
     * of every request header buys nothing here.
     */
    private static final HttpDecoderConfig DECODER = new HttpDecoderConfig()
            .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValidation(false))
            .setTrailersFactory(DefaultHttpHeadersFactory.trailersFactory().withValidation(false));

    private final Builder config;
    private final List<BoundService> services = new ArrayList<>();
    private EventLoopGroup group;
    private ExecutorService workers;
    private Channel channel;
    private Class<? extends ServerChannel> channelType;

    private HangarServer(Builder config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads the network transport ahead of {@link #start}: the epoll native library (extracted from the jar to a
     * temporary file, whose random name sets up the JDK's SecureRandom), the event loop classes and the buffer
     * allocator. A start calls it on a thread of its own while the main thread sets up logging and the services, so
     * that the two overlap on a machine with more than one core; {@link #start} does the same work itself without it.
     */
    public static void prepareTransport() {
        if (Epoll.isAvailable()) {
            EpollIoHandler.newFactory();
        }
        ByteBufAllocator.DEFAULT.directBuffer(1).release();
    }

    public HangarServer start() throws InterruptedException {
        Instant startedAt = Instant.now();
        workers = config.workers != null ? config.workers : WorkerPool.create(config.workerThreads);
        List<ServiceResolver.Route<BoundService>> routes = new ArrayList<>();
        for (AwsService service : config.services) {
            BoundService bound = new BoundService(service);
            services.add(bound);
            ServiceDescriptor d = service.descriptor();
            routes.add(new ServiceResolver.Route<>(bound, d.signingName(), d.targetPrefix(), d.pathPrefixes(),
                    d.apiVersion(), operation -> bound.model().operation(operation) != null));
        }
        List<String> planned = new ArrayList<>(config.plannedServices);
        services.stream().map(BoundService::name).filter(n -> !planned.contains(n)).forEach(planned::add);
        AdminHandler admin = new AdminHandler(config.version, startedAt, services, planned, config.runtime, workers);
        RequestPipeline pipeline = new RequestPipeline(new ServiceResolver<>(routes), admin, config.plainRoutes, workers,
                config.defaultAccount, config.defaultRegion);
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        group = new MultiThreadIoEventLoopGroup(config.eventLoopThreads, io);
        channel = bind(config.host, config.port, pipeline::handle);
        return this;
    }

    private Channel bind(String host, int port, HttpHandler handler) throws InterruptedException {
        return new ServerBootstrap()
                .group(group)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpRequestDecoder(DECODER))
                                .addLast(new NettyRequestHandler(handler, config.maxRequestBytes));
                    }
                })
                .bind(host, port).sync().channel();
    }

    /**
     * An extra HTTP listener on the server's event loops, for an endpoint that must have an address of its own
     * (each Lambda execution environment gets its own Runtime API address, as on AWS). Close it when done.
     */
    public Listener listen(String host, int port, HttpHandler handler) {
        try {
            Channel extra = bind(host, port, handler);
            return new Listener(extra);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding " + host + ":" + port, e);
        }
    }

    /** An extra listener from {@link #listen}. */
    public static final class Listener implements AutoCloseable {
        private final Channel channel;

        private Listener(Channel channel) {
            this.channel = channel;
        }

        public int port() {
            return ((InetSocketAddress) channel.localAddress()).getPort();
        }

        @Override
        public void close() {
            channel.close();
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public String host() {
        return ((InetSocketAddress) channel.localAddress()).getAddress().getHostAddress();
    }

    public URI endpoint() {
        return URI.create("http://" + host() + ":" + port());
    }

    public List<BoundService> services() {
        return List.copyOf(services);
    }

    /** The worker pool handlers that may block run on; services may share it for their background work. */
    public ExecutorService workers() {
        return workers;
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (config.workers == null && workers != null) {
            workers.shutdownNow();
        }
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 4566;
        private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private String defaultAccount = "000000000000";
        private String defaultRegion = "us-east-1";
        private String version = "dev";
        private int eventLoopThreads = 0;
        private int workerThreads = Math.max(8, Runtime.getRuntime().availableProcessors() * 4);
        private ExecutorService workers;
        private RuntimeAdmin runtime = RuntimeAdmin.NONE;
        private final List<AwsService> services = new ArrayList<>();
        private final List<String> plannedServices = new ArrayList<>();
        private final Map<String, HttpHandler> plainRoutes = new LinkedHashMap<>();

        public Builder host(String v) { this.host = v; return this; }
        public Builder port(int v) { this.port = v; return this; }
        public Builder maxRequestBytes(int v) { this.maxRequestBytes = v; return this; }
        public Builder defaultAccount(String v) { this.defaultAccount = v; return this; }
        public Builder defaultRegion(String v) { this.defaultRegion = v; return this; }
        public Builder version(String v) { this.version = v; return this; }
        /** 0 = Netty's default (twice the cores). */
        public Builder eventLoopThreads(int v) { this.eventLoopThreads = v; return this; }
        public Builder workerThreads(int v) { this.workerThreads = v; return this; }
        /** A shared pool for handlers; the server then does not shut it down. */
        public Builder workers(ExecutorService v) { this.workers = v; return this; }
        public Builder runtime(RuntimeAdmin v) { this.runtime = v; return this; }
        public Builder service(AwsService v) { this.services.add(v); return this; }
        /** Services listed in health even before they are implemented. */
        public Builder plannedServices(List<String> v) { this.plannedServices.addAll(v); return this; }

        /** A plain HTTP endpoint for every path starting with the prefix, checked before AWS service routing. */
        public Builder route(String pathPrefix, HttpHandler handler) { this.plainRoutes.put(pathPrefix, handler); return this; }

        public HangarServer build() {
            return new HangarServer(this);
        }
    }
}
