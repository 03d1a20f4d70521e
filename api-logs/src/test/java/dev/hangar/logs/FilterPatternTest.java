package dev.hangar.logs;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilterPatternTest {

    @Test
    void emptyAndBlankMatchEverything() {
        assertTrue(FilterPattern.parse(null).test("x"));
        assertTrue(FilterPattern.parse("   ").test("x"));
        assertTrue(FilterPattern.parse("\" \"").test("nospace"));
    }

    @Test
    void combinesRequiredAlternativeAndExcludedTerms() {
        FilterPattern p = FilterPattern.parse("timeout ?db ?cache -retry");
        assertTrue(p.test("db timeout"));
        assertTrue(p.test("cache timeout"));
        assertFalse(p.test("timeout"));
        assertFalse(p.test("db timeout retry"));
        assertFalse(p.test("db cache"));
    }

    @Test
    void quotedPhrasesKeepSpacesAndEscapes() {
        FilterPattern p = FilterPattern.parse("\"said \\\"hi\\\" twice\"");
        assertTrue(p.test("he said \"hi\" twice"));
        assertFalse(p.test("he said hi twice"));
        assertTrue(FilterPattern.parse("-\"not found\"").test("found"));
        assertFalse(FilterPattern.parse("-\"not found\"").test("is not found"));
        assertTrue(FilterPattern.parse("?\"a b\" ?c").test("xa by"));
    }

    @Test
    void malformedOrUnsupportedPatternsThrow() {
        assertThrows(InvalidParameterException.class, () -> FilterPattern.parse("{$.a = 1}"));
        assertThrows(InvalidParameterException.class, () -> FilterPattern.parse("  [a, b]"));
        assertThrows(InvalidParameterException.class, () -> FilterPattern.parse("? x"));
        assertThrows(InvalidParameterException.class, () -> FilterPattern.parse("a\"b"));
        assertThrows(InvalidParameterException.class, () -> FilterPattern.parse("%unterminated"));
        assertThrows(InvalidParameterException.class, () -> FilterPattern.parse("%(group)%"));
    }
}
