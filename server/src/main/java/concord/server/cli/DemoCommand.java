package concord.server.cli;

import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxUser;
import concord.server.Application;
import concord.server.run.Run;
import concord.server.run.RunRepository;
import concord.server.run.RunTriggers;
import concord.server.run.TriggerKind;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;

import java.io.PrintStream;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code demo}: a REDCap sandbox seeded with the CLBPOQ demo project, the service configured against
 * it (the sandbox's Data Entry Trigger points at the service), one run analysed and published into
 * the sandbox, then both keep running until the process is stopped.
 */
final class DemoCommand {
    static final String PROJECT = "clbpoq";

    private DemoCommand() {
    }

    static int run(List<String> argv, PrintStream out) throws InterruptedException, java.io.IOException {
        boolean delphi = argv.contains("--delphi");
        CliArgs args = new CliArgs("demo", argv.stream().filter(a -> !a.equals("--delphi")).toList(),
                Set.of("port", "sandbox-port", "lang"));
        int port = args.integer("port", 8080);
        int sandboxPort = args.integer("sandbox-port", 8089);
        String lang = language(args);
        RedcapSandbox sandbox = RedcapSandbox.builder().port(sandboxPort).build().start();
        int pid = delphi ? sandbox.seedDelphiDemoProject() : sandbox.seedDemoProject(lang);
        String token = sandbox.createToken(pid, SandboxUser.withAllRights("concord_demo"));
        String detSecret = random(16);
        String adminToken = random(16);
        String base = "http://127.0.0.1:" + port;

        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", port);
        props.put("datasources.default.url", "jdbc:h2:mem:concord-demo;DB_CLOSE_DELAY=-1");
        props.put("concord.admin.tokens", adminToken);
        props.put("concord.runs.debounce", "5s");
        props.put("concord.runs.max-wait", "1m");
        props.put("concord.redcap.inter-batch-pause", "50ms");
        String p = "concord.projects." + PROJECT + ".";
        props.put(p + "api-url", sandbox.apiUrl().toString());
        props.put(p + "token", token);
        props.put(p + "redcap-project-id", String.valueOf(pid));
        props.put(p + "group-field", "group");
        props.put(p + "demographic-fields", "age,sex");
        props.put(p + "det-secret", detSecret);
        if (delphi) {
            DelphiDemo.configure(props, p); // the Delphi project has no results instruments
        } else {
            props.put(p + "publish.results", "RECORD");
            props.put(p + "publish.results-record", "concord-results");
            props.put(p + "publish.pdf-field", "concord_report_pdf");
        }
        props.put(p + "publish.dashboard-url", base + "/dashboard/" + PROJECT);
        props.put(p + "report-language", lang);
        // The demo serves plain http on loopback; a Secure cookie would not come back over it in every browser.
        props.put("concord.web.secure-cookie", "false");
        ApplicationContext ctx = Micronaut.build(new String[0]).mainClass(Application.class).properties(props).start();
        // Micronaut's own shutdown hook stops the service; closing it here too would deadlock with it.
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "concord-demo-sandbox-stop"));
        sandbox.setDataEntryTrigger(pid, URI.create(base + "/redcap/det?secret=" + detSecret));

        out.println("REDCap sandbox: " + sandbox.apiUrl() + "  (project " + pid + ", API token " + token + ")");
        out.println("Concord service: " + base + "/  (admin bearer token " + adminToken + ")");
        Run queued = ctx.getBean(RunTriggers.class).trigger(PROJECT, TriggerKind.CLI);
        Run run = ContextCommands.await(ctx.getBean(RunRepository.class), queued.id(), Duration.ofMinutes(10));
        out.println(ContextCommands.describe(run));
        if (delphi) {
            DelphiDemo.printFeedback(out, sandbox, token);
        }
        out.println();
        out.println("Runs:            curl -H 'Authorization: Bearer " + adminToken + "' " + base + "/projects/" + PROJECT + "/runs");
        out.println("Report files:    " + base + "/runs/" + run.id() + "/files  (same bearer token)");
        out.println("Project check:   " + base + "/projects/" + PROJECT + "/check");
        String authkey = sandbox.issueAuthkey(pid, SandboxUser.withAllRights("demo_coordinator"));
        out.println("Dashboard:       " + base + "/dashboard/" + PROJECT + "  (opens through the bookmark launch below)");
        out.println("Bookmark launch: open " + DemoLaunchPage.write(base + "/launch?project=" + PROJECT, authkey).toUri()
                + " in a browser (the form REDCap's project bookmark posts), or: curl -i -d authkey=" + authkey + " '"
                + base + "/launch?project=" + PROJECT + "'");
        out.println("Data Entry Trigger of sandbox project " + pid + ": " + base + "/redcap/det?secret=" + detSecret);
        out.println("OpenAPI:         " + base + "/openapi/concord-0.1.yml   Health: " + base + "/health");
        out.println("Save a form in the sandbox to trigger a new run: curl -d instrument=participant -d group=2 -d status=2 "
                + sandbox.baseUrl().resolve("/sandbox/projects/" + pid + "/records/57/save") + "  (docs/sandbox.md). Ctrl-C stops.");
        return 0;
    }

    /** {@code --lang en} (default) or {@code --lang zh}: the demo project's labels, reports and dashboard in Chinese. */
    private static String language(CliArgs args) {
        String lang = args.get("lang", "en").trim().toLowerCase(java.util.Locale.ROOT);
        if (!lang.equals("en") && !lang.equals("zh")) {
            throw new CliException("demo: --lang must be en or zh, not '" + lang + "'");
        }
        return lang;
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
