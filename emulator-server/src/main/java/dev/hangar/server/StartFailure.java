package dev.hangar.server;

import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/**
 * A start that failed, as the one line a user reads on stderr (Main prints it with "hangar: " in front and exits
 * non-zero). Settings errors are IllegalArgumentExceptions whose message already names the variable; a listen that
 * failed arrives from Netty in several shapes (a JDK BindException, or epoll's NativeIoException with the errno's
 * text), which are told apart by their type and text here.
 *
 * @param line     the message, without the "hangar: " prefix
 * @param exitCode 2 for a setting that is wrong, 1 for anything else
 */
record StartFailure(String line, int exitCode) {

    static StartFailure of(Throwable failure, HangarConfig config) {
        if (failure instanceof IllegalArgumentException) {
            return new StartFailure(failure.getMessage(), 2);
        }
        String where = config.host() + ":" + config.port();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return new StartFailure("HANGAR_HOST '" + config.host() + "' does not resolve", 2);
            }
            String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (text.contains("address already in use")) {
                return new StartFailure("cannot listen on " + where + ": address already in use "
                        + "(another Hangar or LocalStack? set HANGAR_PORT to another port, or 0 for a free one)", 1);
            }
            if (text.contains("cannot assign requested address")) {
                return new StartFailure("cannot listen on " + where + ": HANGAR_HOST '" + config.host()
                        + "' is not an address of this machine", 2);
            }
            if (text.contains("permission denied") || text.contains("access denied")) {
                return new StartFailure("cannot listen on " + where + ": permission denied (ports below 1024 need "
                        + "privileges)", 1);
            }
            if (t instanceof BindException) {
                return new StartFailure("cannot listen on " + where + ": " + t.getMessage(), 1);
            }
        }
        return new StartFailure("cannot start: " + rootMessage(failure), 1);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root == failure ? failure.getMessage() : failure.getMessage() + " (" + root + ")";
        return String.valueOf(message).replace('\n', ' ');
    }
}
