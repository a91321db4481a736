package concord.connector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import concord.connector.sandbox.SandboxUser;
import concord.connector.support.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every client method against the sandbox: real HTTP, REDCap's formats. */
class RedcapClientSandboxTest {

    static RedcapSandbox sandbox;
    static int simple;
    static int longitudinal;
    static int repeating;
    static int dag;

    @BeforeAll
    static void start() {
        sandbox = RedcapSandbox.builder().build().start();
        simple = sandbox.addProject(SandboxProject.fromFixtureDirectory(Fixtures.project("simple")));
        longitudinal = sandbox.addProject(SandboxProject.fromFixtureDirectory(Fixtures.project("longitudinal")));
        repeating = sandbox.addProject(SandboxProject.fromFixtureDirectory(Fixtures.project("repeating-instruments")));
        dag = sandbox.addProject(SandboxProject.fromFixtureDirectory(Fixtures.project("dag")));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static RedcapClient client(int projectId, SandboxUser user) {
        return RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(), sandbox.createToken(projectId, user))
                .withInterBatchPause(Duration.ZERO).withBatchSize(2));
    }

    @Test
    void versionAndProject() {
        try (RedcapClient client = client(simple, SandboxUser.withAllRights("alice"))) {
            assertEquals(sandbox.redcapVersion(), client.version());
            ProjectInfo project = client.project();
            assertEquals(simple, project.projectId());
            assertFalse(project.longitudinal());
        }
        try (RedcapClient client = client(longitudinal, SandboxUser.withAllRights("alice"))) {
            assertTrue(client.project().longitudinal());
        }
    }

    @Test
    void metadataFromTheApiEqualsTheDictionaryFile() throws Exception {
        for (String name : List.of("simple", "longitudinal", "repeating-instruments", "dag")) {
            int pid = switch (name) {
                case "simple" -> simple;
                case "longitudinal" -> longitudinal;
                case "repeating-instruments" -> repeating;
                default -> dag;
            };
            try (RedcapClient client = client(pid, SandboxUser.withAllRights("alice"))) {
                assertEquals(DataDictionaryReader.create().read(Fixtures.dictionary(Fixtures.project(name))),
                        client.metadata(), name);
            }
        }
    }

    @Test
    void instrumentsAndExportFieldNames() {
        try (RedcapClient client = client(simple, SandboxUser.withAllRights("alice"))) {
            assertEquals(List.of("demographics", "health", "race_and_ethnicity"),
                    client.instruments().stream().map(Instrument::name).toList());
            List<ExportFieldName> names = client.exportFieldNames();
            assertTrue(names.contains(new ExportFieldName("race", "6", "race___6")), names.toString());
            assertTrue(names.contains(new ExportFieldName("health_complete", "", "health_complete")));
            assertTrue(names.stream().noneMatch(n -> n.originalFieldName().equals("bmi")), "calc fields are not listed");
        }
    }

    @Test
    void classicProjectsHaveNoLongitudinalStructure() {
        try (RedcapClient client = client(simple, SandboxUser.withAllRights("alice"))) {
            assertEquals(List.of(), client.events());
            assertEquals(List.of(), client.arms());
            assertEquals(List.of(), client.formEventMappings());
            assertEquals(List.of(), client.repeatingFormsEvents());
        }
    }

    @Test
    void longitudinalStructure() {
        try (RedcapClient client = client(longitudinal, SandboxUser.withAllRights("alice"))) {
            List<RedcapEvent> events = client.events();
            assertEquals(sandbox.project(longitudinal).eventNames(),
                    events.stream().map(RedcapEvent::uniqueEventName).toList());
            assertEquals(sandbox.project(longitudinal).armNumbers(), client.arms().stream().map(Arm::number).toList());
            List<FormEventMapping> mappings = client.formEventMappings();
            assertTrue(mappings.contains(new FormEventMapping(1, "enrollment_arm_1", "demographics")), mappings.toString());
        }
        try (RedcapClient client = client(repeating, SandboxUser.withAllRights("alice"))) {
            List<RepeatingFormEvent> repeatingForms = client.repeatingFormsEvents();
            assertTrue(repeatingForms.stream().anyMatch(r -> r.formName().equals("bp")), repeatingForms.toString());
        }
    }

    @Test
    void dagsAndUsers() {
        try (RedcapClient client = client(dag, SandboxUser.withAllRights("alice"))) {
            List<DataAccessGroup> groups = client.dags();
            assertEquals(sandbox.project(dag).dataAccessGroups(),
                    groups.stream().map(DataAccessGroup::uniqueGroupName).toList());
        }
        String group = sandbox.project(dag).dataAccessGroups().get(0);
        try (RedcapClient client = client(dag, SandboxUser.exportOnly("bob").withDataAccessGroup(group))) {
            UserRights bob = client.users().stream().filter(u -> u.username().equals("bob")).findFirst().orElseThrow();
            assertTrue(bob.canExportByApi());
            assertFalse(bob.canImportByApi());
            assertEquals(group, bob.dataAccessGroup());
            List<RedcapRecord> rows = new ArrayList<>();
            client.exportRecords(RecordQuery.all().withDataAccessGroups(true), rows::add);
            assertFalse(rows.isEmpty());
            assertTrue(rows.size() < sandbox.project(dag).recordCount(), "a DAG user sees only the group's records");
            rows.forEach(r -> assertTrue(r.dataAccessGroup().isEmpty() || r.dataAccessGroup().equals(group)));
        }
    }

    @Test
    void exportWithQueryOptions() {
        try (RedcapClient client = client(longitudinal, SandboxUser.withAllRights("alice"))) {
            List<RedcapRecord> rows = new ArrayList<>();
            ExportSummary summary = client.exportRecords(RecordQuery.all().withFields("age").withEvents("enrollment_arm_1"),
                    rows::add);
            assertEquals(2, summary.records(), "records 100 and 220; 304 is in arm 2");
            rows.forEach(r -> {
                assertEquals("enrollment_arm_1", r.eventName());
                assertTrue(r.values().containsKey("study_id"), "the record-ID field comes along");
                assertTrue(r.values().containsKey("age"));
            });
            List<RedcapRecord> filtered = new ArrayList<>();
            client.exportRecords(RecordQuery.all().withFilterLogic("[age] > 40").withEvents("enrollment_arm_1"),
                    filtered::add);
            filtered.forEach(r -> assertTrue(Double.parseDouble(r.value("age")) > 40, r.value("age")));
            assertTrue(filtered.size() < rows.size(), "the filter removed someone");
            assertEquals(List.of("100"), client.exportRecordIds(RecordQuery.all().withRecords("100", "999")));
        }
    }

    @Test
    void importRecordsAndValidation() {
        int pid = sandbox.addProject(SandboxProject.fromFixtureDirectory(Fixtures.project("simple")));
        try (RedcapClient client = client(pid, SandboxUser.withAllRights("alice"))) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("record_id", "100");
            row.put("name_first", "Nora");
            row.put("sex", "0");
            assertEquals(new ImportResult(1, List.of()), client.importRecords(List.of(row)));
            assertEquals("Nora", sandbox.project(pid).values("100").get("name_first"));
            ImportResult ids = client.importRecords(List.of(Map.of("record_id", "101", "sex", "1")),
                    OverwriteBehavior.NORMAL, ReturnContent.IDS);
            assertEquals(List.of("101"), ids.recordIds());

            Map<String, String> bad = new LinkedHashMap<>();
            bad.put("record_id", "102");
            bad.put("sex", "7");
            bad.put("weight", "heavy");
            RedcapValidationException e = assertThrows(RedcapValidationException.class,
                    () -> client.importRecords(List.of(bad)));
            assertEquals(2, e.errors().size(), e.errors().toString());
            assertTrue(e.errors().stream().anyMatch(v -> v.record().equals("102") && v.field().equals("sex")
                    && v.value().equals("7")), e.errors().toString());
            assertFalse(sandbox.project(pid).recordIds().contains("102"), "nothing imported");

            RedcapInvalidRequestException unknown = assertThrows(RedcapInvalidRequestException.class,
                    () -> client.importRecords(List.of(Map.of("record_id", "103", "shoe_size", "9"))));
            assertTrue(unknown.getMessage().contains("shoe_size"), unknown.getMessage());
        }
        try (RedcapClient readOnly = client(pid, SandboxUser.exportOnly("bob"))) {
            assertThrows(RedcapImportDeniedException.class,
                    () -> readOnly.importRecords(List.of(Map.of("record_id", "104"))));
        }
    }

    @Test
    void fileFields() {
        int pid = sandbox.addProject(SandboxProject.fromOdm(Fixtures.project("simple").resolve("project.xml")));
        try (RedcapClient client = client(pid, SandboxUser.withAllRights("alice"))) {
            RedcapFile mugshot = client.exportFile(FileFieldLocation.of("1", "mugshot"));
            assertEquals("mugshot-1.jpg", mugshot.name());
            assertEquals("image/jpeg", mugshot.contentType());
            assertEquals((byte) 0xFF, mugshot.content()[0]);

            byte[] pdf = "%PDF-1.4 concord".getBytes(StandardCharsets.US_ASCII);
            client.importFile(FileFieldLocation.of("2", "mugshot"), new RedcapFile("report.pdf", "application/pdf", pdf));
            RedcapFile back = client.exportFile(FileFieldLocation.of("2", "mugshot"));
            assertEquals("report.pdf", back.name());
            assertArrayEquals(pdf, back.content());
            client.deleteFile(FileFieldLocation.of("2", "mugshot"));
            assertThrows(RedcapInvalidRequestException.class, () -> client.exportFile(FileFieldLocation.of("2", "mugshot")));
            RedcapInvalidRequestException notFile = assertThrows(RedcapInvalidRequestException.class,
                    () -> client.exportFile(FileFieldLocation.of("1", "age")));
            assertTrue(notFile.getMessage().contains("'age'"), notFile.getMessage());
        }
    }

    @Test
    void fileRepository() {
        try (RedcapClient client = client(simple, SandboxUser.withAllRights("alice"))) {
            long folder = client.createFolder("Concord reports");
            long inner = client.createFolder("2024", folder);
            assertTrue(client.listRepository().stream().anyMatch(e -> e.folder() && e.id() == folder
                    && e.name().equals("Concord reports")));
            byte[] csv = "outcome,median\npain,8\n".getBytes(StandardCharsets.UTF_8);
            client.importRepositoryFile(new RedcapFile("table1.csv", "text/csv", csv), inner);
            List<RepositoryEntry> entries = client.listRepository(inner);
            RepositoryEntry file = entries.stream().filter(e -> !e.folder()).findFirst().orElseThrow();
            assertEquals("table1.csv", file.name());
            RedcapFile back = client.exportRepositoryFile(file.id());
            assertEquals("table1.csv", back.name());
            assertArrayEquals(csv, back.content());
            client.deleteRepositoryFile(file.id());
            assertTrue(client.listRepository(inner).stream().noneMatch(e -> e.id() == file.id() && !e.folder()));
            RedcapInvalidRequestException e = assertThrows(RedcapInvalidRequestException.class,
                    () -> client.listRepository(999_999));
            assertTrue(e.getMessage().contains("folder_id=999999"), e.getMessage());
        }
    }

    @Test
    void folderRestrictedToADataAccessGroup() {
        String group = sandbox.project(dag).dataAccessGroups().get(0);
        try (RedcapClient service = client(dag, SandboxUser.withAllRights("service"));
             RedcapClient member = client(dag, SandboxUser.withAllRights("member").withDataAccessGroup(group))) {
            DataAccessGroup restrictTo = service.dags().stream().filter(d -> d.uniqueGroupName().equals(group)).findFirst().orElseThrow();
            long parent = service.createFolder("Concord reports " + group);
            long folder = service.createFolder(group, parent, restrictTo.id());
            RepositoryEntry listed = service.listRepository(parent).stream().filter(e -> e.id() == folder).findFirst().orElseThrow();
            assertEquals(group, listed.dag());
            assertTrue(member.listRepository(parent).stream().anyMatch(e -> e.id() == folder), "visible to its group");
            assertThrows(IllegalArgumentException.class, () -> service.createFolder("x", parent, 0));
        }
    }

    @Test
    void bookmarkAuthkeys() {
        String group = sandbox.project(dag).dataAccessGroups().get(0);
        String key = sandbox.issueAuthkey(dag, SandboxUser.exportOnly("coord").withDataAccessGroup(group));
        try (RedcapClient client = client(dag, SandboxUser.withAllRights("service"))) {
            BookmarkIdentity who = client.validateAuthkey(key).orElseThrow();
            assertEquals("coord", who.username());
            assertEquals(dag, who.projectId());
            assertFalse(who.dataAccessGroupName().isEmpty());
            assertFalse(who.dataAccessGroupId().isEmpty());
            assertEquals(Optional.empty(), client.validateAuthkey("forged-key"));
        }
    }

    @Test
    void badTokenAndMissingRights() {
        try (RedcapClient stranger = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(),
                "ABCDEF0123456789ABCDEF0123456789"))) {
            RedcapAccessDeniedException e = assertThrows(RedcapAccessDeniedException.class, stranger::metadata);
            assertEquals(403, e.httpStatus());
            assertEquals("You do not have permissions to use the API", e.redcapMessage());
        }
        try (RedcapClient noApi = client(simple, SandboxUser.withAllRights("eve").withApiExport(false))) {
            // (the sandbox checks the API export right on record exports only)
            assertThrows(RedcapAccessDeniedException.class, () -> noApi.exportRecords(RecordQuery.all(), r -> { }));
        }
        String token = sandbox.createToken(simple, SandboxUser.withAllRights("revoked"));
        sandbox.revokeToken(token);
        try (RedcapClient revoked = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(), token))) {
            assertThrows(RedcapAccessDeniedException.class, revoked::metadata);
        }
    }

    @Test
    void invalidFieldIsRejected() {
        try (RedcapClient client = client(simple, SandboxUser.withAllRights("alice"))) {
            RedcapInvalidRequestException e = assertThrows(RedcapInvalidRequestException.class,
                    () -> client.exportRecords(RecordQuery.all().withFields("shoe_size"), r -> { }));
            assertTrue(e.redcapMessage().contains("'shoe_size'"), e.redcapMessage());
        }
    }
    @Test
    void deleteRecordInstanceRemovesOnlyThatInstanceAndNeedsTheDeleteRight() {
        int pid = sandbox.addProject(SandboxProject.fromFixtureDirectory(Fixtures.project("repeating-instruments")));
        try (RedcapClient client = client(pid, SandboxUser.withAllRights("alice"))) {
            String id = client.recordIdField();
            List<Map<String, String>> rows = new ArrayList<>();
            rows.add(new LinkedHashMap<>(Map.of(id, "900", "first_name", "zed")));
            for (String instance : List.of("1", "2", "3")) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put(id, "900");
                row.put("redcap_repeat_instrument", "bp");
                row.put("redcap_repeat_instance", instance);
                row.put("bp_systolic", "12" + instance);
                rows.add(row);
            }
            assertEquals(1, client.importRecords(rows).count());
            assertEquals(List.of("1", "2", "3"), bpInstances(client, "900"));
            assertEquals(1, client.deleteRecordInstance("900", "bp", null, 3));
            assertEquals(List.of("1", "2"), bpInstances(client, "900"));
            // REDCap's API/record/delete.php counts a record only when something was deleted.
            assertEquals(0, client.deleteRecordInstance("900", "bp", null, 3), "repeating the delete is harmless and deletes nothing");
            assertEquals(List.of("1", "2"), bpInstances(client, "900"));
        }
        try (RedcapClient client = client(pid, SandboxUser.withAllRights("editor").withRecordDelete(false))) {
            RedcapAccessDeniedException e = assertThrows(RedcapAccessDeniedException.class,
                    () -> client.deleteRecordInstance("900", "bp", null, 2));
            assertTrue(e.redcapMessage().contains("Delete Record"), e.redcapMessage());
            assertEquals(List.of("1", "2"), bpInstances(client, "900"));
        }
    }

    private static List<String> bpInstances(RedcapClient client, String record) {
        List<String> instances = new ArrayList<>();
        client.exportRecords(RecordQuery.all().withRecords(record), r -> {
            if ("bp".equals(r.repeatInstrument())) {
                instances.add(r.repeatInstance());
            }
        });
        return instances;
    }
}
