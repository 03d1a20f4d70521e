package dev.hangar.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImageReferenceTest {

    @Test
    void splitsRepositoryAndTag() {
        assertEquals(new ImageReference("busybox", "latest"), ImageReference.parse("busybox"));
        assertEquals(new ImageReference("hangar-test/web", "1.0"), ImageReference.parse("hangar-test/web:1.0"));
        assertEquals(new ImageReference("127.0.0.1:5000/a/b", "latest"), ImageReference.parse("127.0.0.1:5000/a/b"));
        assertEquals(new ImageReference("127.0.0.1:5000/a/b", "x"), ImageReference.parse("127.0.0.1:5000/a/b:x"));
        assertEquals(new ImageReference("public.ecr.aws/lambda/python", "sha256:abc"),
                ImageReference.parse("public.ecr.aws/lambda/python@sha256:abc"));
    }
}
