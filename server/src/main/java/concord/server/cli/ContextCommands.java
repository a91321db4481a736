package concord.server.cli;

import concord.server.config.ProjectConfiguration;
import concord.server.config.ProjectRegistry;
import concord.server.load.CheckReport;
import concord.server.load.ProjectCheck;
import concord.server.run.Run;
import concord.server.run.RunRepository;
import concord.server.run.RunTriggers;
import concord.server.run.TriggerKind;
import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code check} and {@code run}: commands that need the service configuration but not its HTTP server. */
final class ContextCommands {
    private ContextCommands() {
    }

    static int check(List<String> argv, PrintStream out) {
        CliArgs args = new CliArgs("check", argv, Set.of("project", "config"));
        useConfig(args);
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("concord.runs.worker-enabled", "false"))) {
            ProjectRegistry registry = ctx.getBean(ProjectRegistry.class);
            List<ProjectConfiguration> projects = args.get("project") == null ? List.copyOf(registry.all())
                    : List.of(registry.require(args.get("project")));
            if (projects.isEmpty()) {
                throw new CliException("check: no projects are configured; add concord.projects.<id>.* to the configuration "
                        + "(--config FILE, or environment variables CONCORD_PROJECTS_<ID>_API_URL, …)");
            }
            boolean ok = true;
            for (ProjectConfiguration project : projects) {
                CheckReport report = ctx.getBean(ProjectCheck.class).check(project);
                out.print(report.text());
                ok &= report.ok();
            }
            return ok ? 0 : 1;
        }
    }

    static int run(List<String> argv, PrintStream out) throws InterruptedException {
        CliArgs args = new CliArgs("run", argv, Set.of("project", "config", "timeout-minutes"));
        useConfig(args);
        String project = args.require("project");
        Duration timeout = Duration.ofMinutes(args.integer("timeout-minutes", 60));
        try (ApplicationContext ctx = ApplicationContext.run(Map.of("concord.runs.worker-enabled", "true"))) {
            Run queued = ctx.getBean(RunTriggers.class).trigger(project, TriggerKind.CLI);
            out.println("Run " + queued.id() + " of project " + project + " queued");
            Run run = await(ctx.getBean(RunRepository.class), queued.id(), timeout);
            out.println(describe(run));
            return run.status() == concord.server.run.RunStatus.SUCCEEDED ? 0 : 1;
        }
    }

    static Run await(RunRepository runs, long id, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        Run run = runs.find(id).orElseThrow();
        while (!run.status().finished()) {
            if (System.nanoTime() > until) {
                throw new CliException("run " + id + " did not finish within " + timeout.toMinutes()
                        + " minutes; it is still " + run.status() + " (stage " + run.stage() + ")");
            }
            Thread.sleep(200);
            run = runs.find(id).orElseThrow();
        }
        return run;
    }

    static String describe(Run run) {
        StringBuilder s = new StringBuilder("Run ").append(run.id()).append(": ").append(run.status());
        if (run.outcome() != null) {
            s.append(" (").append(run.outcome()).append(')');
        }
        if (run.recordCount() != null) {
            s.append(", ").append(run.recordCount()).append(" records analysed, ").append(run.excludedValues())
                    .append(" values excluded");
        }
        if (run.publishedTo() != null) {
            s.append("\n  ").append(run.publishedTo());
        }
        if (run.errorMessage() != null) {
            s.append("\n  ").append(run.errorMessage());
        }
        return s.toString();
    }

    private static void useConfig(CliArgs args) {
        if (args.get("config") != null) {
            if (!java.nio.file.Files.isReadable(java.nio.file.Path.of(args.get("config")))) {
                throw new CliException("--config " + args.get("config") + ": file not found or not readable");
            }
            System.setProperty("micronaut.config.files", args.get("config"));
        }
    }
}
