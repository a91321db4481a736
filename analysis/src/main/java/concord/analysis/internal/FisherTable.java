package concord.analysis.internal;

/**
 * The margins of an r × c table and the two numbers every way of computing the Fisher–Freeman–Halton
 * p starts from: a table's probability under fixed margins is exp(constant + path), with
 * constant = Σ ln Rᵢ! + Σ ln Cⱼ! − ln N! and path = −Σ ln xᵢⱼ!.
 *
 * @param rowTotals    Rᵢ
 * @param columnTotals Cⱼ
 * @param total        N
 * @param observed     the path value of the observed table
 * @param constant     ln of the part of every table's probability that depends on the margins only
 */
record FisherTable(long[] rowTotals, long[] columnTotals, long total, double observed, double constant) {

    static FisherTable of(long[][] table) {
        long[] rows = new long[table.length];
        long[] columns = new long[table[0].length];
        long n = 0;
        double observed = 0;
        for (int i = 0; i < table.length; i++) {
            for (int j = 0; j < columns.length; j++) {
                rows[i] += table[i][j];
                columns[j] += table[i][j];
                n += table[i][j];
                observed -= LogFactorial.of(table[i][j]);
            }
        }
        double constant = -LogFactorial.of(n);
        for (long r : rows) {
            constant += LogFactorial.of(r);
        }
        for (long c : columns) {
            constant += LogFactorial.of(c);
        }
        return new FisherTable(rows, columns, n, observed, constant);
    }
}
