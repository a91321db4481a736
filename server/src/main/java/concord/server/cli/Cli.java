package concord.server.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of {@code concord.jar}: {@code analyze}, {@code check}, {@code run}, {@code demo}.
 * No command starts the service.
 */
public final class Cli {
    static final String USAGE = """
            Usage: java -jar concord.jar [command] [options]
              (no command)   run the service (configuration: application.yml, --config via -Dmicronaut.config.files, env)
              demo [--port 8080] [--sandbox-port 8089] [--delphi]
                             REDCap sandbox with the CLBPOQ demo project + the service, analysed and published
                             (--delphi: the three-round Delphi demo, with each participant's feedback PDF)
              analyze --records EXPORT.csv --dictionary DICTIONARY.csv [--group-field FIELD (default: the field tagged @CONCORD-GROUP)]
                      [--outcomes @CONCORD-OUTCOME|INSTRUMENT|f1,f2] [--domains annotation|section-header|matrix-group|none]
                      [--demographics f1,f2] [--consensus 80/15|comet] [--title T]
                      [--json OUT.json] [--html OUT.html] [--pdf OUT.pdf] [--docx OUT.docx] [--xlsx OUT.xlsx] [--csv OUT.csv] [--exclusions OUT.csv]
                      [--rounds-csv OUT.csv (Delphi studies: the rounds view)]
                      [--threads N (default: the processors)]
              check [--project ID] [--config FILE]     check configured projects against their live REDCap projects
              run --project ID [--config FILE]         run one project now and print the outcome
            """;

    private Cli() {
    }

    /** True if {@code args} name a command (otherwise the service starts). */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    /** Runs a command; returns the process exit code (demo blocks until stopped). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "analyze" -> AnalyzeCommand.run(rest, out, err);
                case "check" -> ContextCommands.check(rest, out);
                case "run" -> ContextCommands.run(rest, out);
                case "demo" -> DemoCommand.run(rest, out);
                case "help", "--help" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> throw new CliException("unknown command '" + args[0] + "'");
            };
        } catch (CliException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (Exception e) {
            err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }
}
