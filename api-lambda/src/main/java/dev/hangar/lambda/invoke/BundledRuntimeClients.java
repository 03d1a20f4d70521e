package dev.hangar.lambda.invoke;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hangar's own runtime interface clients (lambda-runtimes/python/bootstrap.py, lambda-runtimes/nodejs/bootstrap.js),
 * for plain language images that have none. They are packaged as resources and copied once into a host folder the
 * engine can bind-mount at /var/runtime; a configured folder with the same layout is used as it is.
 */
final class BundledRuntimeClients {

    /** Language folder → the client file in it, as lambda-runtimes/ lays them out. */
    static final Map<String, String> FILES = Map.of("python", "bootstrap.py", "nodejs", "bootstrap.js");
    private static final String RESOURCES = "runtime-clients/";

    private final Path configured;
    private final Map<String, Path> extracted = new ConcurrentHashMap<>();

    BundledRuntimeClients(Path configured) {
        this.configured = configured;
    }

    /** The host folder to mount at /var/runtime for the language ("python", "nodejs"). Blocking: file I/O. */
    Path folderFor(String language) {
        String file = FILES.get(language);
        if (file == null) {
            throw new IllegalArgumentException("Hangar has no runtime client for " + language);
        }
        if (configured != null) {
            return configured.resolve(language).toAbsolutePath();
        }
        return extracted.computeIfAbsent(language, l -> extract(l, file));
    }

    private static Path extract(String language, String file) {
        String resource = RESOURCES + language + "/" + file;
        try (InputStream in = BundledRuntimeClients.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Hangar's " + language + " runtime client is not packaged ("
                        + resource + "); set HANGAR_LAMBDA_RUNTIME_CLIENTS_DIR to a lambda-runtimes folder");
            }
            Path dir = Files.createTempDirectory("hangar-lambda-" + language + "-client");
            Path target = dir.resolve(file);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            target.toFile().setReadable(true, false);
            dir.toFile().setReadable(true, false);
            dir.toFile().setExecutable(true, false);
            target.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack Hangar's " + language + " runtime client", e);
        }
    }
}
