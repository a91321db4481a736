package concord.server.clbpoq;

import concord.analysis.reconstruction.DatasetReconstructor;
import concord.analysis.reconstruction.PublishedTable;
import concord.analysis.reconstruction.PublishedTableReader;
import concord.analysis.reconstruction.Reconstruction;
import concord.analysis.reconstruction.ReconstructionReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generates the CLBPOQ demo project in {@code deploy/redcap/}: the data dictionary, the record
 * export and the ODM project XML, from the paper's Table 1 ({@code ../shared/reference/clbp-table1.tsv})
 * and the questionnaire catalogue in {@code src/test/resources/clbpoq/}. Deterministic: the same
 * inputs and seed give byte-identical files. {@link ClbpoqGeneratorTest} checks that the committed
 * files are current; run it with {@code -Dconcord.regenerate=true} to rewrite them.
 */
final class ClbpoqGenerator {

    /** The seed of the committed demo data (the paper's publication date, 2024-06-07). */
    static final long SEED = 20240607L;
    static final Map<String, Integer> GROUP_SIZES = Map.of("Doctor", ClbpoqParticipants.DOCTORS,
            "Patient", ClbpoqParticipants.PATIENTS);

    static final String DICTIONARY = "clbpoq-dictionary.csv";
    static final String RECORDS = "clbpoq-records.csv";
    static final String PROJECT_XML = "clbpoq-project.xml";
    /** The qualitative instrument's instances alone (as REDCap exports that instrument): {@code analyze --quotes}. */
    static final String QUALITATIVE = "clbpoq-qualitative.csv";
    /** The results instrument alone, for projects that keep their own questionnaire (named by the server's project check). */
    static final String RESULTS_INSTRUMENT_ZIP = "concord-results-instrument.zip";

    private ClbpoqGenerator() {
    }

    /** n per row lies in 22–26 for doctors and 22–30 for patients (the paper's valid n). */
    static DatasetReconstructor reconstructor() {
        return DatasetReconstructor.withDefaults().withSeed(SEED)
                .withGroupSize("Doctor", 22, ClbpoqParticipants.DOCTORS)
                .withGroupSize("Patient", 22, ClbpoqParticipants.PATIENTS);
    }

    static PublishedTable table() {
        return PublishedTableReader.withDefaults().read(SharedFiles.table1());
    }

    private static Reconstruction cached;

    /** The reconstruction with the committed seed; computed once per test JVM (it takes seconds). */
    static synchronized Reconstruction reconstruct() {
        if (cached == null) {
            cached = reconstructor().reconstruct(table());
        }
        return cached;
    }

    static ClbpoqProject project(Reconstruction reconstruction, ClbpoqCatalog catalog) {
        Set<String> printed = new TreeSet<>(reconstruction.table().outcomes());
        Set<String> catalogued = new TreeSet<>(catalog.outcomes().stream().map(ClbpoqCatalog.Outcome::label).toList());
        if (!printed.equals(catalogued)) {
            throw new IllegalStateException("clbpoq/outcomes.tsv must list exactly the outcomes of Table 1; "
                    + "only in the table: " + minus(printed, catalogued) + ", only in the catalogue: "
                    + minus(catalogued, printed));
        }
        return new ClbpoqProject(ClbpoqDictionary.fields(catalog),
                ClbpoqParticipants.records(reconstruction.participants(GROUP_SIZES), catalog, SEED));
    }

    /** The {@code concord_results} instrument as an Online Designer ZIP. */
    static byte[] resultsInstrumentZip(ClbpoqProject project) {
        return InstrumentZip.write(project.forms().get(ClbpoqDictionary.CONCORD_RESULTS));
    }

    /** File name → content of the deploy files: dictionary, records and project XML, and the Chinese dictionary and XML. */
    static Map<String, String> files(ClbpoqProject project) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(DICTIONARY, RedcapCsv.dictionary(project.fields()));
        files.put(RECORDS, RedcapCsv.records(project.exportColumns(), project.records()));
        files.put(QUALITATIVE, RedcapCsv.records(ClbpoqQualitative.columns(), project.qualitative()));
        files.put(PROJECT_XML, OdmWriter.write(project));
        ClbpoqChinese chinese = ClbpoqChinese.load();
        ClbpoqProject zh = chinese.project(project);
        files.put(ClbpoqChinese.DICTIONARY, RedcapCsv.dictionary(zh.fields()));
        files.put(ClbpoqChinese.PROJECT_XML, OdmWriter.write(zh, chinese.title(), chinese.instruments()));
        return files;
    }

    static Map<String, String> generate() {
        return files(project(reconstruct(), ClbpoqCatalog.load()));
    }

    static Path deployDirectory() {
        return SharedFiles.repositoryRoot().resolve("deploy/redcap");
    }

    /** Writes the files; {@code mvn -pl server -am test -Dtest=ClbpoqGeneratorTest -Dconcord.regenerate=true}. */
    static void writeAll(Map<String, String> files, byte[] resultsZip) throws IOException {
        Files.createDirectories(deployDirectory());
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(deployDirectory().resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        Files.write(deployDirectory().resolve(RESULTS_INSTRUMENT_ZIP), resultsZip);
    }

    public static void main(String[] args) throws IOException {
        Reconstruction reconstruction = reconstruct();
        ClbpoqProject project = project(reconstruction, ClbpoqCatalog.load());
        writeAll(files(project), resultsInstrumentZip(project));
        System.out.println(ReconstructionReport.of(reconstruction).summary());
        System.out.println("Wrote " + List.of(DICTIONARY, RECORDS, QUALITATIVE, PROJECT_XML, RESULTS_INSTRUMENT_ZIP) + " to " + deployDirectory());
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
