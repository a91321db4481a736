package concord.server.testing;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Captures log events as the production configuration writes them: the encoder is taken from the jar's
 * {@code logback.xml} (JSON lines, the default format), and each event is encoded when it is appended, on
 * the logging thread, so the lines hold exactly the message, MDC and exception a log collector would get.
 * Log scans (no token, no participant value) read these lines.
 */
public final class ProductionJsonLog extends AppenderBase<ILoggingEvent> {
    private final Encoder<ILoggingEvent> encoder;
    private final List<String> lines = new ArrayList<>();

    public ProductionJsonLog() {
        LoggerContext production = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(production);
        try {
            configurator.doConfigure(ProductionJsonLog.class.getResource("/logback.xml"));
        } catch (JoranException e) {
            throw new IllegalStateException("The production logback.xml does not load: " + e.getMessage(), e);
        }
        OutputStreamAppender<ILoggingEvent> json =
                (OutputStreamAppender<ILoggingEvent>) production.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("json");
        if (json == null) {
            throw new IllegalStateException("The production logback.xml has no appender 'json' on the root logger");
        }
        encoder = json.getEncoder();
        setName("production-json-capture");
    }

    @Override
    protected void append(ILoggingEvent event) {
        String encoded = new String(encoder.encode(event), StandardCharsets.UTF_8);
        synchronized (lines) {
            encoded.lines().forEach(lines::add);
        }
    }

    /** Every line written so far (one JSON object each). */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
