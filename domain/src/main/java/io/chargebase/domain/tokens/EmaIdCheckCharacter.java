package io.chargebase.domain.tokens;

/**
 * The check character of an eMI3 contract ID (EMA-ID), per "Check Digit Calculation for Contract-IDs". Each of the
 * 36 characters stands for a pair over Z2 and a pair over Z3; position {@code i} weighs them with the matrices
 * {@code P1^(i+1)} over Z2 and {@code P2^(i+1)} over Z3, and the check character is the one that cancels the sums.
 * It catches every single-character error, adjacent and jump transposition, and twin and jump-twin error.
 */
final class EmaIdCheckCharacter {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final int LENGTH = 14;

    private static final int[][] P1 = {{0, 1}, {1, 1}};
    private static final int[][] P2 = {{0, 1}, {1, 2}};
    /** The weights of each of the 14 positions: P^(i+1), flattened row by row. */
    private static final int[][] Z2_WEIGHTS = powers(P1, 2);
    private static final int[][] Z3_WEIGHTS = powers(P2, 3);

    private EmaIdCheckCharacter() {
    }

    /** The check character of the 14 characters country + provider + instance, upper case. */
    static char of(String fourteen) {
        if (fourteen.length() != LENGTH) {
            throw new IllegalArgumentException("An EMA-ID without its check character has 14 characters");
        }
        int c1 = 0;
        int c2 = 0;
        int c3 = 0;
        int c4 = 0;
        for (int i = 0; i < LENGTH; i++) {
            int value = ALPHABET.indexOf(fourteen.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("Not an EMA-ID character: " + fourteen.charAt(i));
            }
            int q1 = value / 18 % 2;
            int q2 = value / 9 % 2;
            int r1 = value / 3 % 3;
            int r2 = value % 3;
            int[] a = Z2_WEIGHTS[i];
            int[] b = Z3_WEIGHTS[i];
            c1 += q1 * a[0] + q2 * a[2];
            c2 += q1 * a[1] + q2 * a[3];
            c3 += r1 * b[0] + r2 * b[2];
            c4 += r1 * b[1] + r2 * b[3];
        }
        int q1 = c1 % 2;
        int q2 = c2 % 2;
        int r1 = Math.floorMod(-c4, 3);
        int r2 = Math.floorMod(-(c3 + r1), 3);
        return ALPHABET.charAt(q1 * 18 + q2 * 9 + r1 * 3 + r2);
    }

    private static int[][] powers(int[][] matrix, int modulus) {
        int[][] weights = new int[LENGTH][];
        int[][] power = matrix;
        for (int i = 0; i < LENGTH; i++) {
            weights[i] = new int[] {power[0][0], power[0][1], power[1][0], power[1][1]};
            power = multiply(power, matrix, modulus);
        }
        return weights;
    }

    private static int[][] multiply(int[][] a, int[][] b, int modulus) {
        int[][] product = new int[2][2];
        for (int row = 0; row < 2; row++) {
            for (int column = 0; column < 2; column++) {
                product[row][column] = (a[row][0] * b[0][column] + a[row][1] * b[1][column]) % modulus;
            }
        }
        return product;
    }
}
