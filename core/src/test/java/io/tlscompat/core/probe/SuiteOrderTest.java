package io.tlscompat.core.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SuiteOrderTest {
    @Test
    void clientOrderPatternIsLowestThenDescending() {
        assertThat(SuiteEnumerator.clientOrderPattern(Arrays.asList(0xC030, 0x002F, 0x009E, 0xC02F)))
                .containsExactly(0x002F, 0xC030, 0xC02F, 0x009E);
        assertThat(SuiteEnumerator.clientOrderPattern(Arrays.asList(0x1302, 0x1301))).containsExactly(0x1301, 0x1302);
    }
}
