package concord.analysis.reconstruction;

/** The CLBP Table 1 and its reconstruction with the demo seed, computed once for all tests. */
final class ClbpTable {

    static final DatasetReconstructor RECONSTRUCTOR = DatasetReconstructor.withDefaults().withSeed(20240607L)
            .withGroupSize("Doctor", 22, 26).withGroupSize("Patient", 22, 30);

    private static PublishedTable table;
    private static Reconstruction reconstruction;

    private ClbpTable() {
    }

    static synchronized PublishedTable table() {
        if (table == null) {
            table = PublishedTableReader.withDefaults().read(SharedReference.table1());
        }
        return table;
    }

    static synchronized Reconstruction reconstruction() {
        if (reconstruction == null) {
            reconstruction = RECONSTRUCTOR.reconstruct(table());
        }
        return reconstruction;
    }
}
