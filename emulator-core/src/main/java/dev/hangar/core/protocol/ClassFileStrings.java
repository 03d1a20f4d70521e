package dev.hangar.core.protocol;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The string constants of a compiled class, read from its constant pool. Used once per service to learn the error
 * codes the generated client knows: codes and exception class names differ where AWS spells acronyms in capitals
 * ("EC2AccessDeniedException" is class Ec2AccessDeniedException), so class names alone cannot find them.
 */
final class ClassFileStrings {

    private ClassFileStrings() {
    }

    /** Every CONSTANT_Utf8 entry of that class file; empty when it cannot be read. */
    static List<String> of(Class<?> type) {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        List<String> strings = new ArrayList<>();
        try (InputStream raw = type.getResourceAsStream(resource)) {
            if (raw == null) {
                return strings;
            }
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw));
            if (in.readInt() != 0xCAFEBABE) {
                return strings;
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> strings.add(in.readUTF());
                    case 3, 4 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++; // longs and doubles take two slots
                    }
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 15 -> in.skipNBytes(3);
                    default -> {
                        return strings; // unknown tag: stop rather than misread
                    }
                }
            }
        } catch (IOException e) {
            return strings;
        }
        return strings;
    }
}
