package dev.hangar.runtime;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineAssemblerTest {

    private final List<LogLine> lines = new ArrayList<>();
    private final LineAssembler assembler = new LineAssembler("c1", LogLine.Stream.STDOUT, lines::add);

    @Test
    void splitsOnNewlinesAndDropsCarriageReturns() {
        assembler.accept(bytes("a\r\nb\n\nc"), 0, t(1));
        assertEquals(List.of("a", "b", ""), texts());
        assembler.flush();
        assertEquals(List.of("a", "b", "", "c"), texts());
    }

    @Test
    void joinsALineSplitAcrossFramesWithTheTimeOfItsFirstPiece() {
        assembler.accept(bytes("XXXhel"), 3, t(1));
        assembler.accept(bytes("lo\nwor"), 0, t(2));
        assembler.accept(bytes("ld\n"), 0, t(3));
        assertEquals(List.of("hello", "world"), texts());
        assertEquals(t(1), lines.get(0).time());
        assertEquals(t(2), lines.get(1).time());
    }

    @Test
    void decodesAMultiByteCharacterCutBetweenFrames() {
        byte[] euro = bytes("€\n");
        assembler.accept(new byte[]{euro[0]}, 0, t(1));
        assembler.accept(new byte[]{euro[1], euro[2], euro[3]}, 0, t(1));
        assertEquals(List.of("€"), texts());
    }

    @Test
    void flushWithNothingPendingEmitsNothing() {
        assembler.accept(bytes("done\n"), 0, t(1));
        assembler.flush();
        assertEquals(List.of("done"), texts());
    }

    private List<String> texts() {
        return lines.stream().map(LogLine::text).toList();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Instant t(long second) {
        return Instant.ofEpochSecond(second);
    }
}
