package concord.server.publish;

import concord.connector.DataAccessGroup;
import concord.connector.RedcapClient;
import concord.connector.RedcapClientConfiguration;
import concord.connector.RecordQuery;
import concord.connector.RedcapFile;
import concord.connector.RedcapRecord;
import concord.connector.RepositoryEntry;
import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import concord.connector.sandbox.SandboxUser;
import concord.server.config.ProjectConfiguration.PublishConfiguration;
import concord.server.run.RunArtifact;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishing against the REDCap sandbox when a run is taken over: the first attempt uploaded part of the
 * files and died (its instance was killed), the second attempt of the same run publishes again.
 */
class PublisherTest {
    private static final Instant DAY_ONE = Instant.parse("2026-11-25T23:59:00Z");
    private static final Instant DAY_TWO = Instant.parse("2026-11-26T00:01:00Z");
    private static final List<String> OTHERS = List.of(
            "p1-2026-11-25-run19-result.json",   // run 19: "run9-" must not match it
            "p1-2026-11-24-run91-result.json",   // run 91
            "p1-2026-11-25-run8-result.json",    // the previous run of the project
            "p10-2026-11-25-run9-result.json",   // run 9 of another project sharing the folder
            "p1-notes-run9-result.json",         // not a dated name
            "minutes.txt");

    private RedcapSandbox sandbox;
    private RedcapClient client;

    @BeforeEach
    void start() {
        sandbox = RedcapSandbox.builder().build().start();
        int pid = sandbox.addProject(SandboxProject.generated("Publish study", 5, 3, 1));
        String token = sandbox.createToken(pid, SandboxUser.withAllRights("concord"));
        client = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(), token));
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void aTakenOverRunReplacesTheFilesOfItsKilledAttemptAndLeavesOtherRunsAlone() {
        long folder = Publisher.findOrCreateFolder(client, "Concord reports");
        for (String name : OTHERS) {
            client.importRepositoryFile(file(name, "other"), folder);
        }
        // Attempt 1 (day one, just before midnight) uploaded two of three files, then its instance was killed.
        PublishRequest first = request(DAY_ONE, "attempt 1");
        for (RunArtifact artifact : first.files().subList(0, 2)) {
            client.importRepositoryFile(file(Publisher.datedName(first, artifact.name()), "attempt 1"), folder);
        }

        // Attempt 2 of the same run starts after midnight: its names carry the next day.
        PublishReceipt receipt = new Publisher().publish(request(DAY_TWO, "attempt 2"));

        List<String> mine = List.of("p1-2026-11-26-run9-report.html", "p1-2026-11-26-run9-result.csv",
                "p1-2026-11-26-run9-result.json");
        assertEquals(mine, receipt.files().stream().sorted().toList());
        List<String> expected = new ArrayList<>(OTHERS);
        expected.addAll(mine);
        assertEquals(expected.stream().sorted().toList(), namesIn(folder), "one copy of each file, others untouched");
    }

    @Test
    void publishingTheSameRunTwiceOnTheSameDayLeavesOneCopyOfEachFile() {
        new Publisher().publish(request(DAY_ONE, "attempt 1"));
        new Publisher().publish(request(DAY_ONE, "attempt 2"));

        long folder = Publisher.findOrCreateFolder(client, "Concord reports");
        assertEquals(List.of("p1-2026-11-25-run9-report.html", "p1-2026-11-25-run9-result.csv",
                "p1-2026-11-25-run9-result.json"), namesIn(folder));
    }

    @Test
    void filesOfAbandonedRunsAreDeletedAndPublishedRunsAreKept() {
        long folder = Publisher.findOrCreateFolder(client, "Concord reports");
        for (String name : OTHERS) {
            client.importRepositoryFile(file(name, "other"), folder);
        }
        // Run 7 uploaded its whole report, then failed: its lease expired while the database was unreachable.
        List<String> abandoned = List.of("p1-2026-11-25-run7-report.html", "p1-2026-11-25-run7-result.json");
        for (String name : abandoned) {
            client.importRepositoryFile(file(name, "abandoned"), folder);
        }
        List<Long> asked = new ArrayList<>();
        new Publisher().publish(request(DAY_ONE, "run 9").withAbandonedRuns(run -> {
            asked.add(run);
            return run == 7;
        }));

        List<String> expected = new ArrayList<>(OTHERS);
        expected.addAll(List.of("p1-2026-11-25-run9-report.html", "p1-2026-11-25-run9-result.csv",
                "p1-2026-11-25-run9-result.json"));
        assertEquals(expected.stream().sorted().toList(), namesIn(folder), "run 7's files gone, every other file kept");
        assertEquals(List.of(7L, 8L, 19L, 91L), asked.stream().sorted().toList(),
                "asked once per run of this project found in the folder, never about other projects or other names");
    }

    @Test
    void runIdsAreReadFromDatedNamesOfTheProjectOnly() {
        assertEquals(9, Publisher.runOf("p1-2026-11-25-run9-result.json", "p1"));
        assertEquals(123456, Publisher.runOf("p1-2026-11-25-run123456-a", "p1"));
        assertEquals(-1, Publisher.runOf("p1-2026-11-25-runx-a", "p1"));
        assertEquals(-1, Publisher.runOf("p1-2026-11-25-run-a", "p1"));
        assertEquals(-1, Publisher.runOf("p1-2026-11-25-run99999999999999999999-a", "p1"));
        assertEquals(-1, Publisher.runOf("p10-2026-11-25-run9-a", "p1"));
    }

    @Test
    void onlyNamesOfTheSameProjectAndRunMatch() {
        assertTrue(Publisher.isFileOfRun("p1-2026-11-25-run9-result.json", "p1", 9));
        assertTrue(Publisher.isFileOfRun("p1-2020-01-01-run9-x", "p1", 9));
        assertFalse(Publisher.isFileOfRun("p1-2026-11-25-run19-result.json", "p1", 9));
        assertFalse(Publisher.isFileOfRun("p1-2026-11-25-run91-result.json", "p1", 9));
        assertFalse(Publisher.isFileOfRun("p1-2026-11-25-run9", "p1", 9));
        assertFalse(Publisher.isFileOfRun("p1-2026-11-25-run9-", "p1", 9));
        assertFalse(Publisher.isFileOfRun("p10-2026-11-25-run9-result.json", "p1", 9));
        assertFalse(Publisher.isFileOfRun("p1-x-2026-11-25-run9-result.json", "p1", 9));
        assertFalse(Publisher.isFileOfRun("p1-2026-13-45-run9-result.json", "p1", 9));
        assertFalse(Publisher.isFileOfRun("copy of p1-2026-11-25-run9-result.json", "p1", 9));
    }

    @Test
    void aGroupsRunPublishesIntoItsRestrictedSubFolderAndNeverIntoAnUnrestrictedOneOfTheSameName() {
        SandboxProject project = sandbox.project(sandbox.projectIds().get(0));
        project.addDataAccessGroup("Site A");
        DataAccessGroup siteA = client.dags().stream().filter(g -> g.uniqueGroupName().equals("site_a")).findFirst().orElseThrow();
        PublishReceipt receipt = new Publisher().publish(groupRequest(siteA));
        assertEquals("Concord reports/site_a", receipt.folder());
        long parent = Publisher.findOrCreateFolder(client, "Concord reports");
        RepositoryEntry folder = client.listRepository(parent).stream().filter(RepositoryEntry::folder).findFirst().orElseThrow();
        assertEquals("site_a", folder.name());
        assertEquals("site_a", folder.dag(), "restricted to the group");
        assertEquals(receipt.folderId(), folder.id());
        assertEquals(3, namesIn(folder.id()).size());
        assertTrue(namesIn(parent).isEmpty(), "nothing in the project-wide folder");
        assertEquals(folder.id(), new Publisher().publish(groupRequest(siteA)).folderId(), "found again by name");

        String siteB = project.addDataAccessGroup("Site B");
        DataAccessGroup groupB = client.dags().stream().filter(g -> g.uniqueGroupName().equals(siteB)).findFirst().orElseThrow();
        client.createFolder("site_b", parent); // made by hand, visible to everyone
        PublishException e = org.junit.jupiter.api.Assertions.assertThrows(PublishException.class,
                () -> new Publisher().publish(groupRequest(groupB)));
        assertTrue(e.getMessage().contains("'Concord reports/site_b' exists but is not restricted to a data access group"),
                e.getMessage());

        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new PublishRequest("p1", 9, DAY_ONE,
                PublishConfiguration.defaults(), client, null, List.of(), "concord-results", List.of(), siteA),
                "a group's run writes no results record");
    }

    @Test
    void aRunWithFewerOutcomesOrGroupsLeavesExactlyItsOwnInstancesInTheResultsRecord() {
        try (RedcapClient demo = demoClient(SandboxUser.withAllRights("concord"))) {
            new Publisher().publish(resultsRequest(demo, 1, 3, 3));
            assertEquals(Map.of(ResultsRecord.OUTCOME_INSTRUMENT, List.of("o1", "o2", "o3"),
                    ResultsRecord.GROUP_INSTRUMENT, groupFields(3, 3)), instances(demo));

            new Publisher().publish(resultsRequest(demo, 2, 2, 2));
            assertEquals(Map.of(ResultsRecord.OUTCOME_INSTRUMENT, List.of("o1", "o2"),
                    ResultsRecord.GROUP_INSTRUMENT, groupFields(2, 2)), instances(demo), "run 1's extra instances are gone");

            new Publisher().publish(resultsRequest(demo, 2, 2, 2));
            assertEquals(Map.of(ResultsRecord.OUTCOME_INSTRUMENT, List.of("o1", "o2"),
                    ResultsRecord.GROUP_INSTRUMENT, groupFields(2, 2)), instances(demo), "publishing the run again changes nothing");

            new Publisher().publish(resultsRequest(demo, 3, 4, 2));
            assertEquals(Map.of(ResultsRecord.OUTCOME_INSTRUMENT, List.of("o1", "o2", "o3", "o4"),
                    ResultsRecord.GROUP_INSTRUMENT, groupFields(4, 2)), instances(demo), "more outcomes again: nothing deleted");
        }
    }

    @Test
    void withoutTheDeleteRecordRightARunWithFewerOutcomesFailsNamingTheFix() {
        try (RedcapClient demo = demoClient(SandboxUser.withAllRights("concord"))) {
            new Publisher().publish(resultsRequest(demo, 1, 3, 2));
        }
        int pid = sandbox.projectIds().get(sandbox.projectIds().size() - 1);
        try (RedcapClient limited = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(),
                sandbox.createToken(pid, SandboxUser.withAllRights("concord2").withRecordDelete(false))))) {
            new Publisher().publish(resultsRequest(limited, 2, 3, 2)); // nothing to delete: no right needed
            PublishException e = org.junit.jupiter.api.Assertions.assertThrows(PublishException.class,
                    () -> new Publisher().publish(resultsRequest(limited, 3, 1, 2)));
            assertTrue(e.getMessage().contains("while removing instances of an earlier run with more outcomes or groups"
                    + " from the results record 'concord-results': You do not have Delete Record privileges."), e.getMessage());
            assertTrue(e.getMessage().contains("Give the Concord API user the Delete Record right on the results project"),
                    e.getMessage());
            assertEquals(List.of("o1", "o2", "o3"), instances(limited).get(ResultsRecord.OUTCOME_INSTRUMENT),
                    "never fewer results than before");
        }
    }

    /** A client of a new copy of the shipped demo project, which has both repeating results instruments. */
    private RedcapClient demoClient(SandboxUser user) {
        int pid = sandbox.seedDemoProject();
        return RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(), sandbox.createToken(pid, user)));
    }

    /** Results rows as {@link ResultsRecord} shapes them: outcomes {@code o1..}, groups per outcome. */
    private static PublishRequest resultsRequest(RedcapClient demo, long run, int outcomes, int groups) {
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(Map.of("concord_run_id", String.valueOf(run), ResultsRecord.INSTRUMENT + "_complete", "2"));
        for (int o = 1; o <= outcomes; o++) {
            rows.add(Map.of("redcap_repeat_instrument", ResultsRecord.OUTCOME_INSTRUMENT, "redcap_repeat_instance",
                    String.valueOf(o), "or_field", "o" + o, ResultsRecord.OUTCOME_INSTRUMENT + "_complete", "2"));
        }
        int instance = 1;
        for (int o = 1; o <= outcomes; o++) {
            for (int g = 1; g <= groups; g++) {
                rows.add(Map.of("redcap_repeat_instrument", ResultsRecord.GROUP_INSTRUMENT, "redcap_repeat_instance",
                        String.valueOf(instance++), "gr_field", "o" + o, "gr_group_code", String.valueOf(g),
                        ResultsRecord.GROUP_INSTRUMENT + "_complete", "2"));
            }
        }
        return new PublishRequest("p1", run, DAY_ONE, PublishConfiguration.defaults(), demo, null, List.of(),
                "concord-results", rows);
    }

    private static List<String> groupFields(int outcomes, int groups) {
        List<String> fields = new ArrayList<>();
        for (int o = 1; o <= outcomes; o++) {
            for (int g = 1; g <= groups; g++) {
                fields.add("o" + o + "/" + g);
            }
        }
        return fields;
    }

    /** The results record's instances in instance order: outcome field, and outcome field/group code. */
    private static Map<String, List<String>> instances(RedcapClient demo) {
        Map<String, List<String>> found = new java.util.TreeMap<>();
        found.put(ResultsRecord.OUTCOME_INSTRUMENT, new ArrayList<>());
        found.put(ResultsRecord.GROUP_INSTRUMENT, new ArrayList<>());
        List<RedcapRecord> rows = new ArrayList<>();
        demo.exportRecords(RecordQuery.all().withRecords("concord-results"), rows::add);
        rows.sort(java.util.Comparator.comparing(RedcapRecord::repeatInstrument)
                .thenComparingInt(r -> r.repeatInstance().isEmpty() ? 0 : Integer.parseInt(r.repeatInstance())));
        for (RedcapRecord r : rows) {
            if (r.repeatInstrument().equals(ResultsRecord.OUTCOME_INSTRUMENT)) {
                found.get(r.repeatInstrument()).add(r.value("or_field"));
            } else if (r.repeatInstrument().equals(ResultsRecord.GROUP_INSTRUMENT)) {
                found.get(r.repeatInstrument()).add(r.value("gr_field") + "/" + r.value("gr_group_code"));
            }
        }
        return found;
    }

    private PublishRequest groupRequest(DataAccessGroup group) {
        List<RunArtifact> files = List.of(
                new RunArtifact("result.json", "application/json", bytes("{}")),
                new RunArtifact("report.csv", "text/csv", bytes("a")),
                new RunArtifact("report.html", "text/html", bytes("<p>")));
        return new PublishRequest("p1", 9, DAY_ONE, PublishConfiguration.defaults(), client, null, files, null,
                List.of(), group);
    }

    private List<String> namesIn(long folder) {
        return client.listRepository(folder).stream().filter(e -> !e.folder()).map(RepositoryEntry::name).sorted().toList();
    }

    private PublishRequest request(Instant when, String content) {
        List<RunArtifact> files = List.of(
                new RunArtifact("result.json", "application/json", bytes(content)),
                new RunArtifact("result.csv", "text/csv", bytes(content)),
                new RunArtifact("report.html", "text/html", bytes(content)));
        return new PublishRequest("p1", 9, when, PublishConfiguration.defaults(), client, null, files, null,
                List.<Map<String, String>>of());
    }

    private static RedcapFile file(String name, String content) {
        return new RedcapFile(name, "text/plain", bytes(content));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
