package concord.analysis.report;

import concord.analysis.AnalysisOptions;
import concord.analysis.Consensus;
import concord.analysis.ConsensusRule;
import concord.analysis.DemographicVariable;
import concord.analysis.EffectSizes;
import concord.analysis.GroupStatistics;
import concord.analysis.GroupSummary;
import concord.analysis.MannWhitneyResult;
import concord.analysis.Outcome;
import concord.analysis.OutcomeComparison;
import concord.analysis.OutcomeResult;
import concord.analysis.QValues;
import concord.analysis.RatingAccumulator;
import concord.analysis.RatingScale;
import concord.analysis.StakeholderGroup;
import concord.analysis.Study;
import concord.analysis.StudyAnalyzer;
import concord.analysis.StudyResult;
import concord.analysis.ChiSquareResult;
import concord.analysis.Band;
import concord.analysis.reconstruction.DatasetReconstructor;
import concord.analysis.reconstruction.PublishedTable;
import concord.analysis.reconstruction.PublishedTableReader;
import concord.analysis.reconstruction.ReconstructedParticipant;
import concord.analysis.reconstruction.Reconstruction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Study results for renderer tests: one built by hand with known values, one by the engine. */
final class StudyResults {

    static final String XSS = "<script>alert('x')</script> Sleep";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";
    static final String CHINESE = "疼痛/不适";
    static final String CYRILLIC = "Боль в спине";

    private StudyResults() {
    }

    /**
     * Two outcomes with exactly known statistics: "Effective rate" as printed in the paper's
     * Table 1 (doctors 23/3/0 of 26), and one whose patient group never answered.
     */
    static StudyResult handBuilt() {
        Map<String, GroupStatistics> effective = new LinkedHashMap<>();
        effective.put("Doctor", new GroupStatistics(26, 0, List.of(0L, 0L, 0L, 0L, 1L, 2L, 5L, 8L, 10L),
                OptionalDouble.of(23 * 100.0 / 26), OptionalDouble.of(3 * 100.0 / 26), OptionalDouble.of(0),
                OptionalDouble.of(7.923076923), OptionalDouble.of(1.0554), OptionalDouble.of(8), OptionalDouble.of(7.75),
                OptionalDouble.of(9), Optional.of(Consensus.CRITICAL), Map.of()));
        effective.put("Patient", new GroupStatistics(28, 2, List.of(0L, 0L, 0L, 1L, 2L, 3L, 6L, 7L, 9L),
                OptionalDouble.of(22 * 100.0 / 28), OptionalDouble.of(6 * 100.0 / 28), OptionalDouble.of(0),
                OptionalDouble.of(7.9), OptionalDouble.of(1.4), OptionalDouble.of(8), OptionalDouble.of(7),
                OptionalDouble.of(9), Optional.of(Consensus.NEUTRAL), Map.of()));
        OutcomeComparison effectiveComparison = new OutcomeComparison(List.of("Doctor", "Patient"),
                Optional.of(new ChiSquareResult(0.949, 1, 0.5168, 2, 50.0, 4.33, 0.133, List.of("Doctor", "Patient"),
                        List.of(Band.TOP, Band.MIDDLE))),
                Optional.empty(),
                Optional.of(new MannWhitneyResult("Doctor", "Patient", 26, 28, 730, 755, 339, 730, -0.3, 0.76424, OptionalDouble.empty())),
                Optional.empty(), EffectSizes.none(),
                new QValues(OptionalDouble.of(0.61), OptionalDouble.empty(), OptionalDouble.of(0.00049)),
                true, List.of("consensus differs (critical vs neutral)"), Map.of("fisherExact", "not requested"));
        Map<String, GroupStatistics> silent = new LinkedHashMap<>();
        silent.put("Doctor", new GroupStatistics(1, 25, List.of(0L, 0L, 0L, 0L, 0L, 0L, 1L, 0L, 0L),
                OptionalDouble.of(100), OptionalDouble.of(0), OptionalDouble.of(0), OptionalDouble.of(7), OptionalDouble.empty(),
                OptionalDouble.of(7), OptionalDouble.of(7), OptionalDouble.of(7), Optional.of(Consensus.CRITICAL),
                Map.of("sd", "needs at least 2 valid answers, has 1")));
        String none = "no valid answers (30 missing)";
        Map<String, String> noneReasons = new LinkedHashMap<>();
        for (String key : List.of("pctTop", "pctMiddle", "pctBottom", "mean", "sd", "median", "q1", "q3", "consensus")) {
            noneReasons.put(key, none);
        }
        silent.put("Patient", new GroupStatistics(0, 30, List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                Optional.empty(), noneReasons));
        OutcomeComparison silentComparison = new OutcomeComparison(List.of("Doctor"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), EffectSizes.none(),
                new QValues(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()), false, List.of(),
                Map.of("chiSquare", "fewer than 2 groups with answers", "mannWhitney", "fewer than 2 groups with answers",
                        "qValues.chiSquare", "no chi-square p for this outcome", "qValues.rankTest", "no rank-test p for this outcome"));
        List<OutcomeResult> outcomes = List.of(
                new OutcomeResult(new Outcome("effective_rate", "Effective rate", "Physiological"), effective, effectiveComparison),
                new OutcomeResult(new Outcome("silent", XSS, "<b>Domain</b>"), silent, silentComparison));
        return new StudyResult("Hand-built <i>study</i>", List.of(new GroupSummary("1", "Doctor", 26),
                new GroupSummary("2", "Patient", 30)), outcomes, List.of(), RatingScale.grade(), ConsensusRule.defaults(),
                AnalysisOptions.defaults(), List.of("Methods line one.", "Methods <line> two & more."));
    }

    /** A small study run through {@link StudyAnalyzer}: hostile, Chinese and Cyrillic labels included. */
    static StudyResult fromEngine() {
        List<Outcome> outcomes = List.of(
                new Outcome("pain", CHINESE + " Pain/discomfort", "Physiological 生理"),
                new Outcome("sleep", XSS, "Physiological 生理"),
                new Outcome("link", FORMULA, "Social <functioning>"),
                new Outcome("back", CYRILLIC, "Social <functioning>"),
                new Outcome("skeletal", "Skeletal-related outcomes", "Physiological 生理"),
                new Outcome("never", "Never answered by patients", "Resource use"));
        Study study = new Study("CLBP <b>outcomes</b> 腰痛", outcomes,
                List.of(new StakeholderGroup("1", "Doctor"), new StakeholderGroup("2", "Patient 患者")),
                RatingScale.grade(), ConsensusRule.defaults(),
                List.of(DemographicVariable.continuous("age", "Age, years"),
                        DemographicVariable.categorical("sex", "Sex", Map.of("1", "Female", "2", "-Male"))));
        RatingAccumulator ratings = new RatingAccumulator(study);
        int doctors = 26;
        int patients = 30;
        for (int i = 0; i < doctors; i++) {
            ratings.addParticipant(0);
            ratings.addCharacteristic(0, 0, 30 + i);
            ratings.addCharacteristic(0, 1, i % 6 == 0 ? "1" : "2");
        }
        for (int i = 0; i < patients; i++) {
            ratings.addParticipant(1);
            ratings.addCharacteristic(1, 0, 20 + 1.5 * i);
            if (i == 0) {
                ratings.addCharacteristicMissing(1, 1);
            } else {
                ratings.addCharacteristic(1, 1, i % 3 == 0 ? "2" : "1");
            }
        }
        scores(ratings, 0, 0, new int[] {0, 0, 0, 0, 0, 2, 0, 12, 12}, 0);
        scores(ratings, 1, 0, new int[] {0, 0, 0, 0, 0, 4, 6, 0, 20}, 0);
        scores(ratings, 0, 1, new int[] {1, 1, 2, 3, 4, 5, 4, 3, 3}, 0);
        scores(ratings, 1, 1, new int[] {1, 2, 2, 5, 5, 5, 4, 3, 3}, 0);
        scores(ratings, 0, 2, new int[] {2, 2, 2, 4, 4, 4, 3, 3, 2}, 0);
        scores(ratings, 1, 2, new int[] {1, 1, 1, 3, 4, 4, 6, 5, 5}, 0);
        scores(ratings, 0, 3, new int[] {8, 8, 6, 2, 1, 1, 0, 0, 0}, 0);
        scores(ratings, 1, 3, new int[] {2, 2, 2, 3, 3, 3, 5, 5, 5}, 0);
        scores(ratings, 0, 4, new int[] {2, 2, 2, 4, 4, 3, 3, 3, 3}, 0);
        scores(ratings, 1, 4, new int[] {0, 2, 0, 0, 5, 0, 7, 7, 7}, 2);
        scores(ratings, 0, 5, new int[] {0, 0, 1, 2, 3, 4, 5, 6, 5}, 0);
        scores(ratings, 1, 5, new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0}, 30);
        return StudyAnalyzer.withDefaults().analyze(ratings);
    }

    /** Simplified and Traditional Chinese, Japanese kana, Korean Hangul and Cyrillic text in every kind of label. */
    static final List<String> HOLD_ALL_CJK = List.of(
            "腰痛研究", "疼痛/不适", "生理功能", "醫師", "患者", "日本語のひらがなとカタカナ", "한국어 환자", "Боль в спине",
            "社會功能", "女性", "男性");

    /**
     * The hold-all CJK case: title, outcome labels, domain names, group names and choice labels in
     * Chinese (both scripts), Japanese, Korean and Cyrillic.
     */
    static StudyResult holdAllCjk() {
        List<Outcome> outcomes = List.of(
                new Outcome("pain", "疼痛/不适", "生理功能"),
                new Outcome("kana", "日本語のひらがなとカタカナ", "生理功能"),
                new Outcome("hangul", "한국어 환자", "社會功能"),
                new Outcome("back", "Боль в спине", "社會功能"));
        Study study = new Study("腰痛研究", outcomes,
                List.of(new StakeholderGroup("1", "醫師"), new StakeholderGroup("2", "患者")),
                RatingScale.grade(), ConsensusRule.defaults(),
                List.of(DemographicVariable.categorical("sex", "性别 / 성별", Map.of("1", "女性", "2", "男性"))));
        RatingAccumulator ratings = new RatingAccumulator(study);
        for (int group = 0; group < 2; group++) {
            for (int i = 0; i < 12; i++) {
                ratings.addParticipant(group);
                ratings.addCharacteristic(group, 0, i % 3 == 0 ? "1" : "2");
            }
        }
        scores(ratings, 0, 0, new int[] {0, 0, 0, 0, 0, 2, 0, 5, 5}, 0);
        scores(ratings, 1, 0, new int[] {0, 0, 1, 1, 2, 2, 2, 2, 2}, 0);
        scores(ratings, 0, 1, new int[] {1, 1, 2, 2, 2, 1, 1, 1, 1}, 0);
        scores(ratings, 1, 1, new int[] {0, 0, 0, 0, 0, 1, 1, 5, 5}, 0);
        scores(ratings, 0, 2, new int[] {0, 0, 0, 0, 0, 0, 2, 5, 5}, 0);
        scores(ratings, 1, 2, new int[] {0, 0, 0, 0, 0, 0, 2, 5, 5}, 0);
        scores(ratings, 0, 3, new int[] {5, 5, 2, 0, 0, 0, 0, 0, 0}, 0);
        scores(ratings, 1, 3, new int[] {0, 0, 0, 2, 2, 2, 2, 2, 2}, 0);
        return StudyAnalyzer.withDefaults().analyze(ratings);
    }

    /** {@code result} with its first outcome relabelled. */
    static StudyResult withFirstLabel(StudyResult result, String label) {
        List<OutcomeResult> outcomes = new java.util.ArrayList<>(result.outcomes());
        OutcomeResult first = outcomes.get(0);
        outcomes.set(0, new OutcomeResult(new Outcome(first.outcome().field(), label, ""), first.groups(), first.comparison()));
        return new StudyResult(result.title(), result.groups(), outcomes, result.participantCharacteristics(),
                result.scale(), result.consensusRule(), result.options(), result.methods());
    }

    /** Three groups (Kruskal–Wallis, consensus patterns over three groups). */
    static StudyResult threeGroups() {
        return threeGroups(AnalysisOptions.defaults());
    }

    /**
     * The three-group study with the exact methods limited so far (enumeration of 10 tables, 5 steps
     * of the network algorithm) that every Fisher–Freeman–Halton p is a Monte Carlo estimate.
     */
    static StudyResult monteCarlo() {
        return threeGroups(AnalysisOptions.defaults().withFisherEnumerationLimit(10).withFisherNetworkLimit(5));
    }

    private static StudyResult threeGroups(AnalysisOptions options) {
        List<Outcome> outcomes = List.of(new Outcome("pain", "Pain", "Body"), new Outcome("cost", "Cost", "Resources"),
                new Outcome("sleep", "Sleep", "Body"));
        Study study = Study.of("Three groups", outcomes, List.of(new StakeholderGroup("d", "Doctors"),
                new StakeholderGroup("p", "Patients"), new StakeholderGroup("n", "Nurses")));
        RatingAccumulator ratings = new RatingAccumulator(study);
        int[][][] counts = {
            {{0, 0, 0, 0, 0, 1, 4, 5, 10}, {0, 0, 0, 0, 1, 1, 4, 6, 8}, {0, 0, 0, 1, 1, 2, 5, 5, 6}},
            {{3, 3, 3, 4, 4, 1, 1, 1, 0}, {0, 0, 0, 0, 1, 1, 5, 6, 7}, {1, 1, 1, 5, 5, 3, 2, 1, 1}},
            {{0, 0, 0, 1, 1, 1, 5, 6, 6}, {0, 0, 0, 0, 0, 1, 6, 7, 6}, {0, 0, 0, 0, 1, 2, 5, 6, 6}}};
        int[] sizes = {20, 20, 20};
        for (int g = 0; g < 3; g++) {
            for (int i = 0; i < sizes[g]; i++) {
                ratings.addParticipant(g);
            }
            for (int o = 0; o < 3; o++) {
                scores(ratings, g, o, counts[o][g], 0);
            }
        }
        return StudyAnalyzer.withDefaults().with(options).analyze(ratings);
    }

    /**
     * The reference study at full size: the paper's Table 1 (shared/reference/clbp-table1.tsv)
     * reconstructed into 56 participants and analysed by the engine.
     */
    static StudyResult clbp() {
        return clbp("Chronic low back pain outcomes (CLBPOQ), reconstructed from Table 1", "Doctor", "Patient", Map.of());
    }

    /** Chinese labels of some outcomes of the reference study (the rest keep the paper's English). */
    static final Map<String, String> CLBP_CHINESE = Map.of(
            "Pain/discomfort", "疼痛/不适",
            "Activities of daily living", "日常生活活动",
            "Body-image and appearance", "身体形象与外观",
            "Adverse event", "不良事件",
            "Effective rate", "有效率",
            "Quality of life", "生活质量");

    /** The reference study at full size as a Beijing hospital would label it: Chinese title, groups and outcomes. */
    static StudyResult clbpChinese() {
        return clbp("慢性腰痛结局指标（CLBPOQ）", "医生", "患者", CLBP_CHINESE);
    }

    private static StudyResult clbp(String title, String doctor, String patient, Map<String, String> labels) {
        Path tsv = sharedFile("reference/clbp-table1.tsv");
        PublishedTable table = PublishedTableReader.withDefaults().read(tsv);
        Reconstruction reconstruction = DatasetReconstructor.withDefaults().withSeed(20240607L)
                .withGroupSize("Doctor", 22, 26).withGroupSize("Patient", 22, 30).reconstruct(table);
        List<Outcome> outcomes = new ArrayList<>();
        for (String label : table.outcomes()) {
            outcomes.add(new Outcome(label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_"),
                    labels.getOrDefault(label, label), ""));
        }
        Study study = Study.of(title, outcomes, List.of(new StakeholderGroup("1", doctor), new StakeholderGroup("2", patient)));
        List<String> printed = table.outcomes();
        RatingAccumulator ratings = new RatingAccumulator(study);
        for (ReconstructedParticipant participant : reconstruction.participants(Map.of("Doctor", 26, "Patient", 30))) {
            int group = participant.group().equals("Doctor") ? 0 : 1;
            ratings.addParticipant(group);
            for (int o = 0; o < outcomes.size(); o++) {
                Integer score = participant.ratings().get(printed.get(o));
                if (score == null) {
                    ratings.addMissing(group, o);
                } else {
                    ratings.add(group, o, score);
                }
            }
        }
        return StudyAnalyzer.withDefaults().analyze(ratings);
    }

    static Path sharedFile(String relative) {
        String property = System.getProperty("concord.shared");
        for (Path base : new Path[] {property == null ? null : Path.of(property), Path.of("../shared"), Path.of("../../shared")}) {
            if (base != null && Files.exists(base.resolve(relative))) {
                return base.resolve(relative);
            }
        }
        throw new IllegalStateException("Cannot find " + relative + " in the shared reference folder; set -Dconcord.shared");
    }

    private static void scores(RatingAccumulator ratings, int group, int outcome, int[] countsPerScore, int missing) {
        for (int score = 1; score <= 9; score++) {
            for (int k = 0; k < countsPerScore[score - 1]; k++) {
                ratings.add(group, outcome, score);
            }
        }
        for (int k = 0; k < missing; k++) {
            ratings.addMissing(group, outcome);
        }
    }
}
