package dev.precog.analyzer.stats;

/** Small dense linear systems: the normal equations of a least-squares fit. */
public final class LinearSystem {

    private LinearSystem() {}

    /**
     * x with a x = b, by Gaussian elimination with partial pivoting; null when a is singular (for a
     * least-squares fit: terms that cannot be told apart). Neither argument is changed.
     */
    public static double[] solve(double[][] matrix, double[] rhs) {
        int k = rhs.length;
        double[][] a = new double[k][];
        for (int p = 0; p < k; p++) {
            a[p] = matrix[p].clone();
        }
        double[] b = rhs.clone();
        double scale = 0;
        for (int p = 0; p < k; p++) {
            scale = Math.max(scale, Math.abs(a[p][p]));
        }
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int row = col + 1; row < k; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            if (Math.abs(a[pivot][col]) <= 1e-9 * scale) {
                return null;
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            double tmp = b[col];
            b[col] = b[pivot];
            b[pivot] = tmp;
            for (int row = col + 1; row < k; row++) {
                double factor = a[row][col] / a[col][col];
                for (int c = col; c < k; c++) {
                    a[row][c] -= factor * a[col][c];
                }
                b[row] -= factor * b[col];
            }
        }
        double[] x = new double[k];
        for (int row = k - 1; row >= 0; row--) {
            double sum = b[row];
            for (int c = row + 1; c < k; c++) {
                sum -= a[row][c] * x[c];
            }
            x[row] = sum / a[row][row];
        }
        return x;
    }
}
