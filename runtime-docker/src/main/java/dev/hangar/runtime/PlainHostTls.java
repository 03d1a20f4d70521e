package dev.hangar.runtime;

import com.github.dockerjava.transport.SSLConfig;

import javax.net.ssl.SSLContext;
import java.security.NoSuchAlgorithmException;

/**
 * The TLS set-up for a Docker host without TLS (a unix socket, or tcp without DOCKER_TLS_VERIFY). Given no SSL
 * configuration, docker-java's httpclient5 transport builds the JDK's default context anyway, which loads and parses
 * the whole trust store: about 1,000 classes' worth of certificates and security code kept for the life of the
 * process, for connections that never use TLS. This context is created but never initialised, which costs nothing;
 * a plain host never asks for it.
 */
final class PlainHostTls {

    static final SSLConfig UNUSED = PlainHostTls::uninitialisedContext;

    private PlainHostTls() {
    }

    private static SSLContext uninitialisedContext() {
        try {
            return SSLContext.getInstance("TLS");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no TLS implementation", e);
        }
    }
}
