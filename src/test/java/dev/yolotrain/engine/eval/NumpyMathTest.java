package dev.yolotrain.engine.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumpyMathTest {

    @Test
    void linspaceEndsExactly() {
        double[] x = NumpyMath.linspace(0, 1, 101);
        assertEquals(101, x.length);
        assertEquals(0.0, x[0], 0);
        assertEquals(0.37, x[37], 1e-15);
        assertEquals(1.0, x[100], 0);
    }

    @Test
    void interpLikeNumpy() {
        // np.interp([-1,0,0.5,1,1.5,2,3], [0,1,1,2], [10,20,30,40]) -> [10,10,15,30,35,40,40]
        double[] y = NumpyMath.interp(new double[] {-1, 0, 0.5, 1, 1.5, 2, 3},
                new double[] {0, 1, 1, 2}, new double[] {10, 20, 30, 40}, 10, 40);
        assertArrayEquals(new double[] {10, 10, 15, 30, 35, 40, 40}, y, 1e-12);
        double[] z = NumpyMath.interp(new double[] {-1, 2}, new double[] {0, 1}, new double[] {0, 1}, 5);
        assertArrayEquals(new double[] {5, 1}, z, 0);
    }

    @Test
    void trapzOfLine() {
        assertEquals(0.5, NumpyMath.trapz(new double[] {0, 0.5, 1}, new double[] {0, 0.5, 1}), 1e-15);
    }

    @Test
    void smoothLikeYolov5() {
        // smooth([3,0,0,0,9,0,0,0,0,6], 0.2): 3-point box filter, ends padded
        assertArrayEquals(new double[] {2, 1, 0, 3, 3, 3, 0, 0, 2, 4},
                NumpyMath.smooth(new double[] {3, 0, 0, 0, 9, 0, 0, 0, 0, 6}, 0.2), 1e-12);
        // an even filter length (4) makes the output one longer, as in NumPy
        assertArrayEquals(new double[] {0, 0, 0, 2.5, 2.5, 2.5, 2.5, 0, 0, 0, 0},
                NumpyMath.smooth(new double[] {0, 0, 0, 0, 10, 0, 0, 0, 0, 0}, 0.3), 1e-12);
        assertEquals(1000, NumpyMath.smooth(new double[1000], 0.1).length);
    }

    @Test
    void argmaxTakesTheFirstMaximum() {
        assertEquals(1, NumpyMath.argmax(new double[] {0, 2, 1, 2}));
    }
}
