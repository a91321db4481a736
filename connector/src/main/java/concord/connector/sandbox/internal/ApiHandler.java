package concord.connector.sandbox.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves {@code /api/} as REDCap does: POST only, form-encoded or multipart, the method chosen by {@code content},
 * {@code action} and the presence of {@code data} as REDCap chooses it ({@link ApiRoute}), errors shaped by
 * {@code returnFormat}. Tokens never appear in logs or answers.
 */
public final class ApiHandler implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(ApiHandler.class.getName());
    static final String NOT_IMPLEMENTED = Reply.XML_HEAD + "<hash><error>The requested method is not implemented.</error></hash>";
    private static final Set<String> FORMATS = Set.of("json", "csv", "xml");
    private final SandboxState state;

    public ApiHandler(SandboxState state) {
        this.state = state;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        try {
            reply = answer(exchange);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sandbox API request failed", e);
            reply = Reply.of(500, "text/html; charset=utf-8", "ERROR: The sandbox failed to answer: " + e.getClass().getSimpleName());
        }
        send(exchange, reply);
    }

    static void send(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (reply.writer() != null) {
            exchange.sendResponseHeaders(reply.status(), 0); // 0: chunked, the length is not known yet
            try (OutputStream out = exchange.getResponseBody()) {
                reply.writer().writeTo(out);
            }
            exchange.close();
            return;
        }
        byte[] body = reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    static Params readParams(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return MultipartParser.parse(type, body);
        }
        return Params.parseForm(new String(body, StandardCharsets.UTF_8));
    }

    private Reply answer(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equalsIgnoreCase("POST")) {
            exchange.getRequestBody().readAllBytes();
            return Reply.of(501, "text/xml; charset=utf-8", NOT_IMPLEMENTED);
        }
        String ip = exchange.getRemoteAddress().getAddress().getHostAddress();
        if (state.isBanned(ip)) {
            exchange.getRequestBody().readAllBytes();
            return banned(ip);
        }
        Params params;
        try {
            params = readParams(exchange);
        } catch (ApiException e) {
            return Reply.error(e.status(), e.getMessage(), "xml");
        }
        if (params.isEmpty()) {
            return Reply.of(501, "text/xml; charset=utf-8", NOT_IMPLEMENTED);
        }
        // As REDCap: an unknown format means xml; returnFormat (else format) shapes errors and import answers.
        String format = params.get("format", "xml").trim();
        if (!FORMATS.contains(format) && !format.equals("odm")) {
            format = "xml";
        }
        String errorFormat = params.lower("returnFormat", format);
        if (!FORMATS.contains(errorFormat)) {
            errorFormat = "xml";
        }
        try {
            String token = params.get("token");
            if ((token == null || token.isEmpty()) && params.get("authkey") != null) {
                return Authkeys.validate(state, params.get("authkey"), params.lower("format", "csv"));
            }
            Grant grant = token != null && token.matches("[0-9A-Fa-f]{32}") ? state.grantForToken(token) : null;
            if (grant == null) {
                throw ApiException.forbidden("You do not have permissions to use the API");
            }
            FaultInjector faults = state.faults(grant.project().projectId());
            if (state.countRequest(ip, faults.plan().banAfterRequestsPerMinute(), System.currentTimeMillis())) {
                return banned(ip);
            }
            sleep(faults.plan().latency().toMillis());
            Reply fault = injected(faults.nextOutcome());
            if (fault != null) {
                return fault;
            }
            if (format.equals("odm")) {
                throw ApiException.badRequest("The REDCap sandbox does not serve format=odm; use json, csv or xml.");
            }
            ApiRoute route = ApiRoute.of(params);
            route.checkRights(grant.user());
            return dispatch(route, new Call(state, grant, params, format, errorFormat), faults);
        } catch (ApiException e) {
            return Reply.error(e.status(), e.getMessage(), errorFormat);
        }
    }

    private Reply dispatch(ApiRoute route, Call call, FaultInjector faults) {
        String action = route.action();
        return switch (route.content()) {
            case "version" -> Reply.of(200, "text/csv; charset=utf-8", state.redcapVersion());
            case "record" -> switch (action) {
                case "export" -> RecordExporter.export(call, faults);
                case "import" -> RecordImporter.importRecords(call);
                case "delete" -> RecordDeleter.delete(call);
                case "rename" -> RecordRenamer.rename(call);
                default -> throw route.notServed();
            };
            case "metadata" -> action.equals("import") ? DictionaryImporter.importDictionary(call) : DesignMethods.metadata(call);
            case "file" -> FileMethods.file(call, action, faults);
            case "fileRepository" -> FileMethods.repository(call, action, faults);
            case "log" -> exportOnly(route, () -> ProjectLogExport.export(call));
            case "report" -> exportOnly(route, () -> ReportExporter.export(call, faults));
            case "project" -> exportOnly(route, () -> DesignMethods.project(call));
            case "instrument" -> exportOnly(route, () -> DesignMethods.instruments(call));
            case "exportFieldNames" -> exportOnly(route, () -> DesignMethods.exportFieldNames(call));
            case "event" -> exportOnly(route, () -> DesignMethods.events(call));
            case "arm" -> exportOnly(route, () -> DesignMethods.arms(call));
            case "formEventMapping" -> exportOnly(route, () -> DesignMethods.formEventMapping(call));
            case "repeatingFormsEvents" -> exportOnly(route, () -> DesignMethods.repeatingFormsEvents(call));
            case "dag" -> exportOnly(route, () -> DesignMethods.dags(call));
            case "user" -> exportOnly(route, () -> DesignMethods.users(call));
            case "generateNextRecordName" -> exportOnly(route, () -> RecordDeleter.nextRecordName(call));
            default -> throw route.notServed();
        };
    }

    private static Reply exportOnly(ApiRoute route, java.util.function.Supplier<Reply> export) {
        if (!route.action().equals("export")) {
            throw route.notServed();
        }
        return export.get();
    }

    private static Reply injected(FaultInjector.Outcome outcome) {
        return switch (outcome) {
            case NONE -> null;
            case SERVER_ERROR_500 -> Reply.of(500, "text/html; charset=utf-8", "Internal Server Error");
            case BAD_GATEWAY_502 -> Reply.of(502, "text/html; charset=utf-8",
                    "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>");
            case GATEWAY_TIMEOUT_504 -> Reply.of(504, "text/html; charset=utf-8",
                    "<html><head><title>504 Gateway Time-out</title></head><body><h1>504 Gateway Time-out</h1></body></html>");
            case HTML_PAGE -> Reply.of(200, "text/html; charset=utf-8",
                    "<!DOCTYPE html><html><head><title>REDCap</title></head><body><div id=\"login\">"
                            + "Please log in to REDCap.</div></body></html>");
        };
    }

    static Reply banned(String ip) {
        return Reply.of(403, "text/html; charset=utf-8", "<html><body><b>ACCESS DENIED!</b> Your IP address (" + Xml.escape(ip)
                + ") has been banned due to suspected abuse. Please contact your REDCap administrator.</body></html>");
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
