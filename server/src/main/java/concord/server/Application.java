package concord.server;

import concord.server.cli.Cli;
import concord.server.logging.LogFormat;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Starts the Concord service, or runs a command ({@code java -jar concord.jar analyze|check|run|demo}). */
@OpenAPIDefinition(info = @Info(title = "Concord", version = "0.1",
        description = "Compares how stakeholder groups rate outcomes in REDCap projects and publishes the results back.",
        license = @License(name = "see repository")))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "One of the tokens configured under concord.admin.tokens")
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        if (Cli.isCommand(args)) {
            // a person at a terminal reads the commands' logs: text unless CONCORD_LOG_FORMAT says otherwise
            LogFormat.defaultTo(LogFormat.TEXT);
            int code = Cli.run(args, System.out, System.err);
            if (!"demo".equals(args[0]) || code != 0) {
                System.exit(code);
            }
            return;
        }
        // the banner is not a JSON line: print it only when logs are human-readable text
        Micronaut.build(args).mainClass(Application.class).banner(LogFormat.TEXT.equals(LogFormat.fromEnvironment())).start();
    }
}
