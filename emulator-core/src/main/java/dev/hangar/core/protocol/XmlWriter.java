package dev.hangar.core.protocol;

import java.nio.charset.StandardCharsets;

/**
 * A small XML writer for the query protocols' bodies: elements and escaped text, no indentation (AWS sends none and
 * the SDK's DOM parser would keep it as text). Not thread-safe: one per body. Public for the few bodies outside the
 * codecs (the answer to an unknown service).
 */
public final class XmlWriter {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private final StringBuilder out = new StringBuilder(512).append(DECLARATION);

    public XmlWriter start(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    /** The root element, with its default namespace when there is one. */
    public XmlWriter start(String name, String namespace) {
        out.append('<').append(name);
        if (namespace != null) {
            out.append(" xmlns=\"");
            escape(namespace, true);
            out.append('"');
        }
        out.append('>');
        return this;
    }

    public XmlWriter end(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    public XmlWriter element(String name, String text) {
        start(name);
        escape(text, false);
        return end(name);
    }

    public byte[] toBytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Escapes markup, keeps a carriage return as a reference (a parser would turn a literal one into a line feed)
     * and replaces what XML 1.0 cannot carry at all (other control characters, unpaired surrogates) with U+FFFD, so
     * that the body always parses.
     */
    private void escape(String text, boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\r' -> out.append("&#13;");
                case '\n', '\t' -> out.append(attribute ? (c == '\n' ? "&#10;" : "&#9;") : String.valueOf(c));
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
