package dev.hangar.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.hangar.core.http.HangarServer;
import org.slf4j.LoggerFactory;

/**
 * java -jar hangar.jar: reads the environment, starts Hangar, stops it cleanly on SIGTERM/SIGINT. A setting that is
 * wrong, or a start that fails (the port taken, a host that does not resolve), is one line on stderr and exit code 2
 * (a setting) or 1 (anything else): see {@link StartFailure}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        HangarConfig config;
        try {
            config = HangarConfig.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("hangar: " + e.getMessage());
            System.exit(2);
            return;
        }
        // logging first, before any other thread: while SLF4J initialises, a thread that asks for a logger gets a
        // substitute factory instead of logback's
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("dev.hangar").setLevel(Level.toLevel(config.logLevel()));
        // the transport's native library and classes load on a second core while this thread builds the services
        Thread transport = new Thread(HangarServer::prepareTransport, "hangar-start-transport");
        transport.setDaemon(true);
        transport.start();
        if (config.cdsTraining()) {
            CdsTraining.run(config);
            System.exit(0);
        }
        Hangar hangar;
        try {
            hangar = Hangar.start(config);
        } catch (RuntimeException | java.io.IOException e) {
            // Hangar.start closed what it had started; the details are for whoever asks for them
            LoggerFactory.getLogger(Main.class).debug("start failed", e);
            StartFailure failure = StartFailure.of(e, config);
            System.err.println("hangar: " + failure.line());
            System.exit(failure.exitCode());
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(hangar::close, "hangar-shutdown"));
        Thread.currentThread().join();
    }
}
