package concord.server.web;

import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import concord.connector.sandbox.SandboxUser;
import concord.server.run.Run;
import concord.server.run.RunRepository;
import concord.server.run.RunStatus;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A REDCap sandbox with three projects and the real Concord server (random port, in-memory H2, worker on)
 * configured for them. {@code study} ({@code clbp}) is an ordinary CLBP-style study of 40 records with two
 * data access groups: records 1–12 in {@code site_a}, 13–22 in {@code site_b}, the rest in none;
 * {@code siteAOnly} ({@code sitea}) holds copies of records 1–12 alone, to compare a group's analysis with;
 * {@code hostile} has script and attribute-breaking text in every label REDCap lets a designer write;
 * {@code clbp-group-token} is the study read with the token of a user in {@code site_b}.
 */
final class DashboardFixture implements AutoCloseable {
    static final String HOSTILE = "<script>alert(1)</script>&lt;script&gt;alert(5)&lt;/script&gt;\"onerror=alert(2) '><img src=x onerror=alert(3)>";

    final RedcapSandbox redcap;
    final int studyPid;
    final int hostilePid;
    final int siteAOnlyPid;
    final EmbeddedServer server;
    private final Map<String, Object> properties;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    DashboardFixture(boolean secureCookie) {
        this(secureCookie, Map.of("datasources.default.url", "jdbc:h2:mem:web" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"));
    }

    /** The same, on the database these Micronaut properties select ({@code datasources.default.*}). */
    DashboardFixture(boolean secureCookie, Map<String, Object> database) {
        redcap = RedcapSandbox.builder().build().start();
        studyPid = redcap.addProject(SandboxProject.fromDictionaryCsv("Chronic low back pain outcomes",
                dictionary("Physical function", "Pain", "Doctor", "Patient", "Sleep quality", "Walking distance", "Pain intensity",
                        "Return to work", "Age (years)"),
                records(40)));
        SandboxProject study = redcap.project(studyPid);
        study.addDataAccessGroup("Site A");
        study.addDataAccessGroup("Site B");
        for (int i = 1; i <= 22; i++) {
            study.assignRecordToDataAccessGroup(Integer.toString(i), i <= 12 ? "site_a" : "site_b");
        }
        siteAOnlyPid = redcap.addProject(SandboxProject.fromDictionaryCsv("Chronic low back pain outcomes",
                dictionary("Physical function", "Pain", "Doctor", "Patient", "Sleep quality", "Walking distance", "Pain intensity",
                        "Return to work", "Age (years)"),
                records(12)));
        hostilePid = redcap.addProject(SandboxProject.fromDictionaryCsv("Study " + HOSTILE,
                dictionary("Domain " + HOSTILE, "Other " + HOSTILE, "Doctor " + HOSTILE, "Patient \"onerror=x",
                        "Sleep " + HOSTILE, "Walk \"onerror=alert(4)", "Pain <b>bold</b>", "Work &amp; life", "Age " + HOSTILE),
                records(24)));
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", -1);
        props.putAll(database);
        props.put("concord.runs.worker-enabled", "true");
        props.put("concord.web.secure-cookie", Boolean.toString(secureCookie));
        project(props, "clbp", studyPid, "CLBP outcome survey");
        project(props, "hostile", hostilePid, null);
        project(props, "sitea", siteAOnlyPid, "CLBP outcome survey");
        // the study again, read with the token of a user in site_b (no redcap-project-id: bookmarks never open it)
        project(props, "clbp-group-token", studyPid, null);
        props.put("concord.projects.clbp-group-token.token",
                redcap.createToken(studyPid, SandboxUser.withAllRights("site_b_service").withDataAccessGroup("site_b")));
        props.remove("concord.projects.clbp-group-token.redcap-project-id");
        properties = Map.copyOf(props);
        server = ApplicationContext.run(EmbeddedServer.class, props, "test");
    }

    /** Another Concord instance with the same configuration and database (as behind a load balancer); close it. */
    EmbeddedServer startAnotherInstance() {
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    private void project(Map<String, Object> props, String id, int pid, String title) {
        String prefix = "concord.projects." + id + ".";
        props.put(prefix + "api-url", redcap.apiUrl().toString());
        props.put(prefix + "token", redcap.createToken(pid, SandboxUser.withAllRights("concord_service")));
        props.put(prefix + "redcap-project-id", Integer.toString(pid));
        props.put(prefix + "group-field", "group");
        props.put(prefix + "outcomes", "q1,q2,q3,q4");
        props.put(prefix + "domains", "SECTION_HEADER");
        props.put(prefix + "demographic-fields", "age");
        if (title != null) {
            props.put(prefix + "title", title);
        }
    }

    /** A REDCap data dictionary (UI headers): group, four 1–9 outcomes in two domains, an integer age. */
    static String dictionary(String domain1, String domain2, String group1, String group2, String o1, String o2, String o3,
                             String o4, String age) {
        StringBuilder csv = new StringBuilder("\"Variable / Field Name\",\"Form Name\",\"Section Header\",\"Field Type\",\"Field Label\","
                + "\"Choices, Calculations, OR Slider Labels\",\"Field Note\",\"Text Validation Type OR Show Slider Number\","
                + "\"Text Validation Min\",\"Text Validation Max\",\"Identifier?\",\"Branching Logic (Show field only if...)\","
                + "\"Required Field?\",\"Custom Alignment\",\"Question Number (surveys only)\",\"Matrix Group Name\",\"Matrix Ranking?\","
                + "\"Field Annotation\"\n");
        String scale = "1, 1 | 2, 2 | 3, 3 | 4, 4 | 5, 5 | 6, 6 | 7, 7 | 8, 8 | 9, 9";
        row(csv, "record_id", "", "text", "Record ID", "", "");
        row(csv, "group", "", "radio", "Stakeholder group", "1, " + group1 + " | 2, " + group2, "");
        row(csv, "age", "", "text", age, "", "integer");
        row(csv, "q1", domain1, "radio", o1, scale, "");
        row(csv, "q2", "", "radio", o2, scale, "");
        row(csv, "q3", domain2, "radio", o3, scale, "");
        row(csv, "q4", "", "radio", o4, scale, "");
        return csv.toString();
    }

    private static void row(StringBuilder csv, String field, String section, String type, String label, String choices,
                            String validation) {
        csv.append(String.join(",", q(field), q("ratings"), q(section), q(type), q(label), q(choices), q(""), q(validation),
                q(""), q(""), q(""), q(""), q(""), q(""), q(""), q(""), q(""), q(""))).append('\n');
    }

    private static String q(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** Deterministic ratings: doctors rate q1 and q2 high, patients rate q1 low; q3/q4 alike. */
    static String records(int n) {
        StringBuilder csv = new StringBuilder("record_id,group,age,q1,q2,q3,q4,ratings_complete\n");
        for (int i = 1; i <= n; i++) {
            boolean doctor = i % 2 == 1;
            int q1 = doctor ? 7 + i % 3 : 1 + i % 4;
            int q2 = doctor ? 8 + i % 2 : 5 + i % 5;
            int q3 = 4 + i % 6;
            String q4 = i % 7 == 0 ? "" : Integer.toString(3 + i % 7);
            csv.append(i).append(',').append(doctor ? 1 : 2).append(',').append(30 + (i * 7) % 40).append(',')
                    .append(q1).append(',').append(q2).append(',').append(q3).append(',').append(q4).append(",2\n");
        }
        return csv.toString();
    }

    URI url(String path) {
        return URI.create(server.getURL().toString() + path);
    }

    /** POSTs an authkey as REDCap's bookmark form does; returns the response (a redirect on success). */
    HttpResponse<String> launch(String authkey, String query) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url("/launch" + query))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("authkey=" + URLEncoder.encode(authkey, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The session cookie value a launch set. */
    static String sessionCookie(HttpResponse<?> launch) {
        String header = launch.headers().firstValue("Set-Cookie").orElseThrow(() -> new AssertionError("no Set-Cookie"));
        Matcher m = Pattern.compile(SessionCookie.NAME + "=([^;]+)").matcher(header);
        if (!m.find()) {
            throw new AssertionError("no session cookie in " + header);
        }
        return m.group(1);
    }

    String launchSession(int pid, SandboxUser user) throws IOException, InterruptedException {
        HttpResponse<String> response = launch(redcap.issueAuthkey(pid, user), "");
        if (response.statusCode() != 303) {
            throw new AssertionError("launch answered " + response.statusCode() + ": " + response.body());
        }
        return sessionCookie(response);
    }

    HttpResponse<String> get(String path, String session) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).GET();
        if (session != null) {
            request.header("Cookie", SessionCookie.NAME + "=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path, String session) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(path)).header("Cookie", SessionCookie.NAME + "=" + session).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, String session, String form) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (session != null) {
            request.header("Cookie", SessionCookie.NAME + "=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token in a dashboard page's run form. */
    static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSRF field on the page");
        }
        return m.group(1);
    }

    /** Starts a run the way the dashboard button does and waits until it has finished. */
    Run runNow(String project, String session) throws Exception {
        String page = get("/dashboard/" + project, session).body();
        HttpResponse<String> started = post("/dashboard/" + project + "/runs", session, "csrf=" + csrf(page));
        if (started.statusCode() != 303) {
            throw new AssertionError("run form answered " + started.statusCode() + ": " + started.body());
        }
        String location = started.headers().firstValue("Location").orElseThrow();
        return awaitRun(Long.parseLong(location.substring(location.indexOf("?run=") + 5)));
    }

    /** Waits until the run with this id has finished; fails unless it succeeded. */
    Run awaitRun(long id) throws InterruptedException {
        RunRepository runs = server.getApplicationContext().getBean(RunRepository.class);
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Run run = runs.find(id).orElseThrow();
            if (run.status().finished()) {
                if (run.status() != RunStatus.SUCCEEDED) {
                    throw new AssertionError("run " + id + " failed: " + run.errorMessage());
                }
                return run;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + id + " did not finish within 60 s");
    }

    Run awaitFinished(String project) throws InterruptedException {
        RunRepository runs = server.getApplicationContext().getBean(RunRepository.class);
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            List<Run> list = runs.list(project, 1);
            Optional<Run> run = list.stream().findFirst();
            if (run.isPresent() && run.get().status().finished()) {
                if (run.get().status() != RunStatus.SUCCEEDED) {
                    throw new AssertionError("run failed: " + run.get().errorMessage());
                }
                return run.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run of " + project + " did not finish within 60 s");
    }

    @Override
    public void close() {
        server.close();
        redcap.close();
    }
}
