package dev.yolotrain.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelParserTest {

    @Test
    void rowsWithCrlfAndBlankLines() {
        LabelParser.Parsed p = LabelParser.parse("\r\n0 0.5 0.5 0.2 0.3\r\n\r\n  \t\r\n2 0.1 0.2 0.1 0.1\r\n");
        assertNull(p.error());
        assertEquals(2, p.boxes().length);
        assertArrayEquals(new float[] {0, 0.5f, 0.5f, 0.2f, 0.3f}, p.boxes()[0]);
        assertArrayEquals(new float[] {2, 0.1f, 0.2f, 0.1f, 0.1f}, p.boxes()[1]);
        assertEquals(2, p.maxClass());
        assertEquals(0, p.duplicates());
    }

    @Test
    void emptyAndBlankFilesHaveNoBoxes() {
        for (String t : new String[] {"", "\n", "\r\n  \r\n", "\uFEFF"}) {
            LabelParser.Parsed p = LabelParser.parse(t);
            assertNull(p.error());
            assertEquals(0, p.boxes().length);
            assertEquals(-1, p.maxClass());
        }
    }

    @Test
    void duplicateRowsRemovedFirstKept() {
        LabelParser.Parsed p = LabelParser.parse("1 0.5 0.5 0.2 0.2\n0 0.3 0.3 0.1 0.1\n1 0.5 0.5 0.2 0.2\n1 0.50 0.5 0.2 0.2\n");
        assertNull(p.error());
        assertEquals(2, p.duplicates());
        assertEquals(2, p.boxes().length);
        assertEquals(1f, p.boxes()[0][0]);
        assertEquals(0f, p.boxes()[1][0]);
    }

    @Test
    void polygonBecomesItsBoundingBox() {
        LabelParser.Parsed p = LabelParser.parse("3 0.1 0.2 0.5 0.2 0.3 0.6\n1 0.5 0.5 0.2 0.2");
        assertNull(p.error());
        assertEquals(2, p.boxes().length);
        float[] b = p.boxes()[0];
        assertEquals(3f, b[0]);
        assertEquals(0.3f, b[1], 1e-6);
        assertEquals(0.4f, b[2], 1e-6);
        assertEquals(0.4f, b[3], 1e-6);
        assertEquals(0.4f, b[4], 1e-6);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 0.5 0.5 0.2|row 1: 4 columns, expected exactly 5",
        "0 0.5 0.5 0.2 0.2 0.3|row 1: 6 columns, expected exactly 5",
        "0 0.1 0.1 0.2 0.2 0.3 0.3 0.4|row 1: 8 columns, expected exactly 5",
        "0 -0.5 0.5 0.2 0.2|row 1: negative value -0.5",
        "-1 0.5 0.5 0.2 0.2|row 1: negative value -1",
        "0 0.5 1.5 0.2 0.2|row 1: coordinate 1.5 outside [0, 1]",
        "0 0.5 0.5 nan 0.2|row 1: non-finite value 'nan'",
        "0 0.5 0.5 0.2 inf|row 1: non-finite value 'inf'",
        "0 0.5 0.5 0.2 -Infinity|row 1: non-finite value '-Infinity'",
        "0 0.5 0.5 0.2 1e39|row 1: non-finite value '1e39'",
        "0 0.5 0.5 0.2 abc|row 1: 'abc' is not a number",
        "0 0.5 0.5 0.2 0x1p-2|row 1: '0x1p-2' is not a number",
        "1.5 0.5 0.5 0.2 0.2|row 1: class 1.5 is not an integer",
    })
    void badRowsAreReasons(String row, String reason) {
        LabelParser.Parsed p = LabelParser.parse("0 0.5 0.5 0.1 0.1\n" + row + "\n");
        assertTrue(p.error() != null && p.error().startsWith(reason.replace("row 1", "row 2")), p.error());
        assertEquals(0, p.boxes().length);
    }

    @Test
    void maxClassIsKnownEvenWhenAnotherRowIsBad() {
        LabelParser.Parsed p = LabelParser.parse("7 0.5 0.5 0.1 0.1\n0 0.5 0.5 nan 0.1\n");
        assertTrue(p.error().contains("row 2"));
        assertEquals(7, p.maxClass());
    }

    @Test
    void exactBoundsAreAccepted() {
        LabelParser.Parsed p = LabelParser.parse("0 0 1 1 0\n0 1. .5 1e0 0.0\n");
        assertNull(p.error());
        assertEquals(2, p.boxes().length);
    }
}
