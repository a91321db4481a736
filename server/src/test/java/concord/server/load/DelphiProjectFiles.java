package concord.server.load;

import concord.analysis.DelphiAccumulator;
import concord.analysis.DelphiParticipant;
import concord.analysis.Round;
import concord.analysis.Study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small three-round Delphi panel (doctors and patients, four outcomes, drop-outs, a participant who skipped
 * round 2, one who never answered, item non-response) written the two ways REDCap holds rounds: a classic project
 * whose repeating rating instrument carries a round field, and a longitudinal project with one event per round
 * (the group recorded only in the first event). {@link #expected} counts the same participants through
 * {@link DelphiAccumulator#add(DelphiParticipant)}, the reference the readers are compared with.
 */
public final class DelphiProjectFiles {
    public static final String[] EVENTS = {"round_1_arm_1", "round_2_arm_1", "round_3_arm_1"};
    public static final String[] EVENT_NAMES = {"Round 1", "Round 2 & \"re-rating\"", "Round 3"};
    static final int OUTCOMES = 4;

    public static final String DICTIONARY = """
            "Variable / Field Name","Form Name","Section Header","Field Type","Field Label","Choices, Calculations, OR Slider Labels","Field Note","Text Validation Type OR Show Slider Number","Text Validation Min","Text Validation Max",Identifier?,"Branching Logic (Show field only if...)","Required Field?","Custom Alignment","Question Number (surveys only)","Matrix Group Name","Matrix Ranking?","Field Annotation"
            record_id,participant,,text,"Record ID",,,,,,,,,,,,,
            group,participant,,radio,"Stakeholder group","1, Doctor | 2, Patient <b>&amp; carer</b>",,,,,,,,,,,,@CONCORD-GROUP
            sex,participant,,radio,"Sex","1, Female | 2, Male",,,,,,,,,,,,
            round,ratings,,radio,"Round","1, Round 1 | 2, Round 2 | 3, Round 3",,,,,,,,,,,,
            q1,ratings,Physical,radio,"Pain <script>alert(1)</script>","1, 1 | 2, 2 | 3, 3 | 4, 4 | 5, 5 | 6, 6 | 7, 7 | 8, 8 | 9, 9",,,,,,,,,,,,"@CONCORD-OUTCOME @CONCORD-DOMAIN=Physical"
            q2,ratings,,radio,"睡眠 (sleep)","1, 1 | 2, 2 | 3, 3 | 4, 4 | 5, 5 | 6, 6 | 7, 7 | 8, 8 | 9, 9",,,,,,,,,,,,"@CONCORD-OUTCOME @CONCORD-DOMAIN=Physical"
            q3,ratings,,radio,"Return to work","1, 1 | 2, 2 | 3, 3 | 4, 4 | 5, 5 | 6, 6 | 7, 7 | 8, 8 | 9, 9",,,,,,,,,,,,"@CONCORD-OUTCOME @CONCORD-DOMAIN=Role"
            q4,ratings,,radio,"Mood","1, 1 | 2, 2 | 3, 3 | 4, 4 | 5, 5 | 6, 6 | 7, 7 | 8, 8 | 9, 9",,,,,,,,,,,,"@CONCORD-OUTCOME @CONCORD-DOMAIN=Role"
            """;

    /** One participant: scores[round][outcome], null for a round not answered, 0 for an item left empty. */
    public record Panelist(String id, int group, int sex, int[][] scores) {
    }

    private DelphiProjectFiles() {
    }

    /** {@code n} panelists, deterministic by seed. */
    public static List<Panelist> panel(long seed, int n) {
        Random r = new Random(seed);
        List<Panelist> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            int group = i % 2 + 1;
            int[][] scores = new int[3][];
            int pattern = i == n ? 0 : i % 7 == 0 ? 0b001 : i % 5 == 0 ? 0b011 : i % 11 == 0 ? 0b101 : 0b111;
            int[] previous = null;
            for (int round = 0; round < 3; round++) {
                if ((pattern & (1 << round)) == 0) {
                    continue;
                }
                int[] s = new int[OUTCOMES];
                for (int o = 0; o < OUTCOMES; o++) {
                    int base = previous != null && previous[o] > 0 ? previous[o] : 3 + r.nextInt(7) - (group == 2 && o == 2 ? 2 : 0);
                    int next = previous != null && r.nextInt(3) == 0 ? base + (r.nextBoolean() ? 1 : -1) : base;
                    s[o] = r.nextInt(30) == 0 ? 0 : Math.max(1, Math.min(9, next));
                }
                scores[round] = s;
                previous = s;
            }
            out.add(new Panelist("p" + i, group, 1 + r.nextInt(2), scores));
        }
        return out;
    }

    /** The reference counts of the panel for a study and its rounds. */
    public static DelphiAccumulator expected(Study study, List<Round> rounds, List<Panelist> panel) {
        DelphiAccumulator counts = new DelphiAccumulator(study, rounds);
        for (Panelist p : panel) {
            Map<Integer, Map<String, Integer>> byRound = new HashMap<>();
            for (int round = 0; round < 3; round++) {
                if (p.scores()[round] != null) {
                    Map<String, Integer> ratings = new HashMap<>();
                    for (int o = 0; o < OUTCOMES; o++) {
                        if (p.scores()[round][o] > 0) {
                            ratings.put("q" + (o + 1), p.scores()[round][o]);
                        }
                    }
                    byRound.put(round + 1, ratings);
                }
            }
            counts.add(new DelphiParticipant(p.id(), String.valueOf(p.group()), Map.of("sex", String.valueOf(p.sex())), byRound));
        }
        return counts;
    }

    /** Classic project: a base row with group and sex, then one instance of the repeating instrument per answered round. */
    public static String classicCsv(List<Panelist> panel) {
        StringBuilder s = new StringBuilder("record_id,redcap_repeat_instrument,redcap_repeat_instance,group,sex,participant_complete,"
                + "round,q1,q2,q3,q4,ratings_complete\n");
        for (Panelist p : panel) {
            s.append(p.id()).append(",,,").append(p.group()).append(',').append(p.sex()).append(",2,,,,,,\n");
            int instance = 1;
            for (int round = 0; round < 3; round++) {
                if (p.scores()[round] != null) {
                    s.append(p.id()).append(",ratings,").append(instance++).append(",,,,").append(round + 1);
                    appendScores(s, p.scores()[round]);
                    s.append(",2\n");
                }
            }
        }
        return s.toString();
    }

    /** Longitudinal project: one row per event; group and sex only in the first event, as a participant form there. */
    public static String longitudinalCsv(List<Panelist> panel) {
        StringBuilder s = new StringBuilder("record_id,redcap_event_name,group,sex,participant_complete,round,q1,q2,q3,q4,ratings_complete\n");
        for (Panelist p : panel) {
            for (int round = 0; round < 3; round++) {
                if (round > 0 && p.scores()[round] == null) {
                    continue;
                }
                s.append(p.id()).append(',').append(EVENTS[round]).append(',');
                s.append(round == 0 ? p.group() + "," + p.sex() + ",2" : ",,").append(',');
                if (p.scores()[round] == null) {
                    s.append(",,,,,0\n");
                    continue;
                }
                appendScores(s, p.scores()[round]);
                s.append(",2\n");
            }
        }
        return s.toString();
    }

    private static void appendScores(StringBuilder s, int[] scores) {
        for (int score : scores) {
            s.append(',').append(score > 0 ? String.valueOf(score) : "");
        }
    }

    /**
     * A REDCapR-style fixture folder (dictionary.csv, data.csv, project.xml with the events, arm and form-event
     * mapping) for {@code SandboxProject.fromFixtureDirectory}.
     */
    public static Path longitudinalProject(Path dir, List<Panelist> panel) throws IOException {
        return longitudinalProject(dir, panel, "", null);
    }

    /**
     * As {@link #longitudinalProject(Path, List)}, with more dictionary rows (CSV lines) and, when {@code extraForm} is
     * set, that instrument designated for every round's event.
     */
    public static Path longitudinalProject(Path dir, List<Panelist> panel, String extraRows, String extraForm) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("dictionary.csv"), DICTIONARY + extraRows, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("data.csv"), longitudinalCsv(panel), StandardCharsets.UTF_8);
        StringBuilder x = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" ?>
                <ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" xmlns:redcap="https://projectredcap.org" ODMVersion="1.3.1" FileType="Snapshot" Description="Delphi rounds" SourceSystem="REDCap">
                <Study OID="Project.DelphiRounds">
                <GlobalVariables><StudyName>Delphi rounds &amp; feedback</StudyName></GlobalVariables>
                <MetaDataVersion OID="Metadata.DelphiRounds" Name="Delphi rounds" redcap:RecordIdField="record_id">
                <Protocol>
                """);
        for (int i = 0; i < EVENTS.length; i++) {
            x.append("<StudyEventRef StudyEventOID=\"Event.").append(EVENTS[i]).append("\" OrderNumber=\"").append(i + 1)
                    .append("\" Mandatory=\"No\"/>\n");
        }
        x.append("</Protocol>\n");
        for (int i = 0; i < EVENTS.length; i++) {
            x.append("<StudyEventDef OID=\"Event.").append(EVENTS[i]).append("\" Name=\"").append(EVENT_NAMES[i].replace("&", "&amp;")
                            .replace("\"", "&quot;")).append("\" Type=\"Common\" Repeating=\"No\" redcap:EventName=\"")
                    .append(EVENT_NAMES[i].replace("&", "&amp;").replace("\"", "&quot;"))
                    .append("\" redcap:CustomEventLabel=\"\" redcap:UniqueEventName=\"").append(EVENTS[i])
                    .append("\" redcap:ArmNum=\"1\" redcap:ArmName=\"Arm 1\" redcap:DayOffset=\"").append(i + 1)
                    .append("\" redcap:OffsetMin=\"0\" redcap:OffsetMax=\"0\">\n");
            if (i == 0) {
                x.append("<FormRef FormOID=\"Form.participant\" OrderNumber=\"1\" Mandatory=\"No\" redcap:FormName=\"participant\"/>\n");
            }
            x.append("<FormRef FormOID=\"Form.ratings\" OrderNumber=\"2\" Mandatory=\"No\" redcap:FormName=\"ratings\"/>\n");
            if (extraForm != null) {
                x.append("<FormRef FormOID=\"Form.").append(extraForm).append("\" OrderNumber=\"3\" Mandatory=\"No\" redcap:FormName=\"")
                        .append(extraForm).append("\"/>\n");
            }
            x.append("</StudyEventDef>\n");
        }
        x.append("""
                <FormDef OID="Form.participant" Name="Participant" Repeating="No" redcap:FormName="participant">
                <ItemGroupRef ItemGroupOID="participant.record_id" Mandatory="No"/>
                </FormDef>
                <FormDef OID="Form.ratings" Name="Ratings" Repeating="No" redcap:FormName="ratings"></FormDef>
                """);
        if (extraForm != null) {
            x.append("<FormDef OID=\"Form.").append(extraForm).append("\" Name=\"").append(extraForm)
                    .append("\" Repeating=\"No\" redcap:FormName=\"").append(extraForm).append("\"></FormDef>\n");
        }
        x.append("""
                <ItemGroupDef OID="participant.record_id" Name="Participant" Repeating="No">
                <ItemRef ItemOID="record_id" Mandatory="No" redcap:Variable="record_id"/>
                </ItemGroupDef>
                <ItemDef OID="record_id" Name="record_id" DataType="text" Length="999" redcap:Variable="record_id" redcap:FieldType="text">
                <Question><TranslatedText>Record ID</TranslatedText></Question>
                </ItemDef>
                </MetaDataVersion>
                </Study>
                </ODM>
                """);
        Files.writeString(dir.resolve("project.xml"), x.toString(), StandardCharsets.UTF_8);
        return dir;
    }
}
