package concord.server.cli;

import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code check --config FILE} against the sandbox's CLBPOQ project. */
class CheckCommandTest {
    @AfterEach
    void forgetConfig() {
        System.clearProperty("micronaut.config.files");
    }

    @Test
    void reportsReadyOrWhatToFix(@TempDir Path dir) throws Exception {
        try (RedcapSandbox sandbox = RedcapSandbox.builder().build().start()) {
            int pid = sandbox.seedDemoProject();
            String token = sandbox.createToken(pid, SandboxUser.withAllRights("checker"));
            Path config = dir.resolve("concord.yml");
            Files.writeString(config, """
                    datasources:
                      default:
                        url: jdbc:h2:mem:check;DB_CLOSE_DELAY=-1
                    concord:
                      projects:
                        good:
                          api-url: %1$s
                          token: %2$s
                          redcap-project-id: %3$d
                          group-field: group
                          det-secret: s3cret-s3cret
                        bad:
                          api-url: %1$s
                          token: %2$s
                          group-field: sex_of_participant
                        tagged:
                          api-url: %1$s
                          token: %2$s
                          redcap-project-id: %3$d
                          det-secret: s3cret-s3cret
                    """.formatted(sandbox.apiUrl(), token, pid));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            assertEquals(0, Cli.run(new String[]{"check", "--project", "good", "--config", config.toString()}, print, print),
                    out.toString(StandardCharsets.UTF_8));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("Project good: ready"), out.toString(StandardCharsets.UTF_8));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("Coded quotes for the joint display are read from the instrument "
                    + "'qualitative_data' [qual_theme, qual_outcomes, qual_group, qual_quote, qual_speaker, qual_core_area]."),
                    out.toString(StandardCharsets.UTF_8));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("groups [1=Doctor, 2=Patient] from field 'group' (group-field)"),
                    out.toString(StandardCharsets.UTF_8));
            out.reset();
            assertEquals(0, Cli.run(new String[]{"check", "--project", "tagged", "--config", config.toString()}, print, print),
                    out.toString(StandardCharsets.UTF_8));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("groups [1=Doctor, 2=Patient] from field 'group' (found by its "
                    + "@CONCORD-GROUP action tag)"), out.toString(StandardCharsets.UTF_8));
            out.reset();
            assertEquals(1, Cli.run(new String[]{"check", "--project", "bad", "--config", config.toString()}, print, print));
            String text = out.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("PROBLEM  Project bad: group field 'sex_of_participant' is not in the data dictionary"), text);
            assertTrue(text.contains("WARNING  redcap-project-id is not set"), text);
            assertTrue(text.contains("WARNING  det-secret is not set"), text);
            assertTrue(!text.contains(token), "the token is never printed");
        }
    }

    @Test
    void namesRoundConfigurationProblems(@TempDir Path dir) throws Exception {
        try (RedcapSandbox sandbox = RedcapSandbox.builder().build().start()) {
            int delphi = sandbox.addProject(concord.connector.sandbox.SandboxProject.fromFixtureDirectory(
                    concord.server.load.DelphiProjectFiles.longitudinalProject(dir.resolve("delphi"),
                            concord.server.load.DelphiProjectFiles.panel(3, 20))));
            int classic = sandbox.seedDemoProject();
            String delphiToken = sandbox.createToken(delphi, SandboxUser.withAllRights("checker"));
            String classicToken = sandbox.createToken(classic, SandboxUser.withAllRights("checker"));
            Path config = dir.resolve("concord.yml");
            Files.writeString(config, """
                    datasources:
                      default:
                        url: jdbc:h2:mem:check-rounds;DB_CLOSE_DELAY=-1
                    concord:
                      projects:
                        rounds:
                          api-url: %1$s
                          token: %2$s
                          redcap-project-id: %3$d
                          det-secret: s3cret-s3cret
                          rounds: events
                        nofield:
                          api-url: %1$s
                          token: %2$s
                          round-field: rnd
                        both:
                          api-url: %1$s
                          token: %2$s
                          rounds: events
                          round-field: round
                        classic:
                          api-url: %1$s
                          token: %4$s
                          rounds: events
                        withevent:
                          api-url: %1$s
                          token: %2$s
                          rounds: events
                          event: round_1_arm_1
                    """.formatted(sandbox.apiUrl(), delphiToken, delphi, classicToken));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            assertEquals(0, Cli.run(new String[]{"check", "--project", "rounds", "--config", config.toString()}, print, print),
                    out.toString(StandardCharsets.UTF_8));
            String text = out.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("OK  Delphi rounds by event: [1 = round_1_arm_1 (Round 1), 2 = round_2_arm_1 (Round 2 & \"re-rating\"), "
                    + "3 = round_3_arm_1 (Round 3)]."), text);
            for (String[] c : new String[][]{
                    {"nofield", "PROBLEM  Project nofield: round-field 'rnd' is not in the data dictionary"},
                    {"both", "PROBLEM  Project both: concord.projects.both.rounds and round-field are both set"},
                    {"classic", "PROBLEM  Project classic: rounds: events needs a longitudinal project"},
                    {"withevent", "PROBLEM  Project withevent: event 'round_1_arm_1' and rounds: events are both set"}}) {
                out.reset();
                assertEquals(1, Cli.run(new String[]{"check", "--project", c[0], "--config", config.toString()}, print, print));
                assertTrue(out.toString(StandardCharsets.UTF_8).contains(c[1]), out.toString(StandardCharsets.UTF_8));
            }
        }
    }
}
