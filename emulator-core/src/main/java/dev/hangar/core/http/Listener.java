package dev.hangar.core.http;

import io.netty.channel.Channel;

import java.net.InetSocketAddress;
import java.net.URI;

/** One HTTP listener of Hangar's: an address and port with a handler behind it. Close it when done. */
public final class Listener implements AutoCloseable {

    private final Channel channel;

    Listener(Channel channel) {
        this.channel = channel;
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public String host() {
        return ((InetSocketAddress) channel.localAddress()).getAddress().getHostAddress();
    }

    public URI endpoint() {
        String host = host();
        return URI.create("http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port());
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
