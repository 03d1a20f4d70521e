package dev.hangar.runtime;

import com.github.dockerjava.transport.SSLConfig;

import javax.net.ssl.SSLContext;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;

/**
 * The TLS set-up for a Docker host without TLS (a unix socket, or tcp without DOCKER_TLS_VERIFY). Given no SSL
 * configuration, docker-java's httpclient5 transport builds the JDK's default context anyway, which loads and parses
 * the whole trust store: some 2 MB of certificates and security code kept for the life of the process, for
 * connections that never use TLS. This context is created but never initialised, which costs nothing;
 * a plain host never asks for it. Named by provider, so that finding it does not instantiate the providers listed
 * before the JDK's TLS one.
 */
final class PlainHostTls {

    static final SSLConfig UNUSED = PlainHostTls::uninitialisedContext;

    private PlainHostTls() {
    }

    private static SSLContext uninitialisedContext() {
        try {
            return SSLContext.getInstance("TLS", "SunJSSE");
        } catch (NoSuchAlgorithmException | NoSuchProviderException e) {
            throw new IllegalStateException("The JDK has no TLS implementation", e);
        }
    }
}
