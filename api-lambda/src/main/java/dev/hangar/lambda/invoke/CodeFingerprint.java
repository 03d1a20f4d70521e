package dev.hangar.lambda.invoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A cheap identity of a hot-reload directory: every file's path, size and modification time (never its contents),
 * so that checking it on each invocation costs a directory walk, not a read of the code.
 */
final class CodeFingerprint {

    /** A directory bigger than this is not worth watching file by file: only its first files are looked at. */
    private static final int MAX_FILES = 20_000;

    private CodeFingerprint() {
    }

    static String of(Path directory) {
        MessageDigest digest = sha256();
        int[] files = {0};
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    // byte-code caches change when the function runs, not when its author edits it
                    if (name.equals("__pycache__") || name.equals(".git")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    // installed packages: adding or removing one is seen, walking every file of each is too slow
                    if (name.equals("node_modules")) {
                        entries(dir, digest);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (++files[0] > MAX_FILES) {
                        return FileVisitResult.TERMINATE;
                    }
                    String entry = directory.relativize(file) + "|" + attrs.size() + "|"
                            + attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS) + "\n";
                    digest.update(entry.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void entries(Path dir, MessageDigest digest) {
        try (var children = Files.list(dir)) {
            children.sorted().forEach(child -> {
                try {
                    String entry = child + "|" + Files.getLastModifiedTime(child).to(java.util.concurrent.TimeUnit.NANOSECONDS) + "\n";
                    digest.update(entry.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // vanished meanwhile: leaving it out is a change too
                }
            });
        } catch (IOException e) {
            // unreadable: nothing to watch
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
