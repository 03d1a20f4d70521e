package dev.hangar.ec2;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EC2's filter wildcards. */
class FiltersTest {

    private static boolean matches(String pattern, String value) {
        return Filters.wildcard(pattern).matcher(value).matches();
    }

    @Test
    void starAndQuestionMarkAndTheirEscapes() {
        assertTrue(matches("us-east-1*", "us-east-1a"));
        assertTrue(matches("us-east-1*", "us-east-1"));
        assertTrue(matches("us-?ast-1a", "us-east-1a"));
        assertFalse(matches("us-?ast-1a", "us-ast-1a"));
        assertTrue(matches("a\\*b", "a*b"));
        assertFalse(matches("a\\*b", "axb"));
        assertTrue(matches("a\\?", "a?"));
        assertTrue(matches("172.31.0.0/16", "172.31.0.0/16"));
        assertFalse(matches("172.31.0.0/16", "172x31.0.0/16"), "a dot is a dot");
        assertFalse(matches("vpc", "vpc-1"), "the whole value must match");
    }
}
