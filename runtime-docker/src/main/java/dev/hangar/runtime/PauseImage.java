package dev.hangar.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.transport.DockerHttpClient;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The image of the containers that only hold a network namespace for others to join (an awsvpc task's, as the ECS
 * agent's pause container does), made by Hangar itself so that no registry is needed: a tar holding one static
 * executable, {@code /pause}, of a few instructions that wait for a signal forever, imported into the engine. It is
 * written here for the engine's architecture (x86_64 or aarch64): 129 and 148 bytes of ELF.
 */
final class PauseImage {

    static final String REPOSITORY = "hangar/pause";
    static final String PATH = "/pause";

    private PauseImage() {
    }

    /** The image for the engine's architecture, imported when the engine lacks it. */
    static String ensure(DockerClient client, DockerHttpClient http) {
        String architecture = client.infoCmd().exec().getArchitecture();
        String image = reference(architecture);
        try {
            client.inspectImageCmd(image).exec();
            return image;
        } catch (NotFoundException e) {
            importInto(http, image, layer(architecture));
            LoggerFactory.getLogger(PauseImage.class).info("Imported {} (Hangar's own pause program, no registry needed)",
                    image);
            return image;
        }
    }

    /** "hangar/pause:x86_64-v1": the version names the program, so a changed one is a new image. */
    static String reference(String architecture) {
        return REPOSITORY + ":" + normalized(architecture) + "-v1";
    }

    static String normalized(String architecture) {
        String a = architecture == null ? "" : architecture.toLowerCase(Locale.ROOT);
        return switch (a) {
            case "x86_64", "amd64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> throw new ContainerRuntimeException("Hangar has no pause program for the engine's architecture "
                    + architecture + " (x86_64 and aarch64 only)");
        };
    }

    /** The image's one layer: a tar with /pause. */
    static byte[] layer(String architecture) {
        return tar("pause", elf(normalized(architecture)));
    }

    /** An ELF64 executable: the header, one loadable segment, the code. */
    static byte[] elf(String architecture) {
        boolean x86 = architecture.equals("x86_64");
        // x86_64: pause(); jmp back.   aarch64: ppoll(NULL, 0, NULL, NULL); b back (pause() does not exist there)
        byte[] code = x86 ? HexFormat.of().parseHex("b8220000000f05ebf7")
                : words(0xd2800000, 0xd2800001, 0xd2800002, 0xd2800003, 0xd2800928, 0xd4000001, 0x17fffffa);
        long base = 0x400000;
        int header = 64;
        int programHeader = 56;
        int total = header + programHeader + code.length;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0}).put(new byte[8]);
        b.putShort((short) 2).putShort((short) (x86 ? 0x3e : 0xb7)).putInt(1)
                .putLong(base + header + programHeader).putLong(header).putLong(0).putInt(0)
                .putShort((short) header).putShort((short) programHeader).putShort((short) 1)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0);
        b.putInt(1).putInt(5).putLong(0).putLong(base).putLong(base).putLong(total).putLong(total).putLong(0x1000);
        b.put(code);
        return b.array();
    }

    private static byte[] words(int... instructions) {
        ByteBuffer b = ByteBuffer.allocate(instructions.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i : instructions) {
            b.putInt(i);
        }
        return b.array();
    }

    /** A ustar archive of one executable file. */
    static byte[] tar(String name, byte[] content) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000755");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", content.length));
        put(header, 136, String.format("%011o", 0));
        header[156] = '0';
        put(header, 257, "ustar");
        header[262] = 0;
        put(header, 263, "00");
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long sum = 0;
        for (byte x : header) {
            sum += x & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.writeBytes(content);
        out.writeBytes(new byte[(512 - content.length % 512) % 512]);
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    /**
     * POST /images/create?fromSrc=- with the layer as body: docker-java's import command sends a body the engine
     * reads as a truncated tar ("unexpected EOF"), so the request is made on the transport directly.
     */
    static void importInto(DockerHttpClient http, String image, byte[] layer) {
        int colon = image.lastIndexOf(':');
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST)
                .path("/images/create?fromSrc=-&repo=" + image.substring(0, colon) + "&tag=" + image.substring(colon + 1))
                .putHeader("Content-Type", "application/x-tar")
                .body(new ByteArrayInputStream(layer))
                .build();
        try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
            String answer = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            if (response.getStatusCode() != 200 || answer.contains("\"error\"")) {
                throw new ContainerRuntimeException("Cannot import " + image + ": HTTP " + response.getStatusCode()
                        + ": " + answer.trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
