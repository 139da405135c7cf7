package dev.yolotrain.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricsTableTest {

    @Test
    void formatsLikePythonPercentG() {
        assertEquals("1", MetricsTable.g3(1.0));
        assertEquals("0.995", MetricsTable.g3(0.995));
        assertEquals("0.87", MetricsTable.g3(0.87));
        assertEquals("0", MetricsTable.g3(0.0));
        assertEquals("0.000123", MetricsTable.g3(0.00012345));
        assertEquals("1.23e+03", MetricsTable.g3(1234.5));
        assertEquals("1e+03", MetricsTable.g3(999.6));
        assertEquals("1", MetricsTable.g3(0.9996));
        assertEquals("1e-05", MetricsTable.g3(1e-5));
        assertEquals("0.308", MetricsTable.g3(0.30769));
        assertEquals("12", MetricsTable.g3(12.0));
    }
}
