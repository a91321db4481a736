package concord.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxUser;
import concord.server.config.ProjectRegistry;
import concord.server.run.Run;
import concord.server.run.RunRepository;
import concord.server.run.RunTriggers;
import concord.server.run.TriggerKind;
import concord.server.web.RunReports;
import concord.server.web.SessionCookie;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code concord demo --lang zh} sets up, without its endless wait: the sandbox seeded with the Chinese CLBPOQ
 * project, the service configured with {@code report-language: zh} as DemoCommand configures it, one run through the
 * sandbox; the run's reports and the dashboard are in Chinese with the Chinese labels, the numbers as in English.
 */
class ChineseDemoRunTest {
    private static RedcapSandbox sandbox;
    private static EmbeddedServer server;
    private static int pid;
    private static Run run;

    @BeforeAll
    static void start() throws Exception {
        sandbox = RedcapSandbox.builder().build().start();
        pid = sandbox.seedDemoProject("zh");
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", -1);
        props.put("datasources.default.url", "jdbc:h2:mem:concord-zh" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        props.put("concord.runs.worker-enabled", "true");
        props.put("concord.web.secure-cookie", "false");
        String p = "concord.projects." + DemoCommand.PROJECT + ".";
        props.put(p + "api-url", sandbox.apiUrl().toString());
        props.put(p + "token", sandbox.createToken(pid, SandboxUser.withAllRights("concord_demo")));
        props.put(p + "redcap-project-id", String.valueOf(pid));
        props.put(p + "group-field", "group");
        props.put(p + "demographic-fields", "age,sex");
        props.put(p + "publish.results", "RECORD");
        props.put(p + "publish.results-record", "concord-results");
        props.put(p + "publish.pdf-field", "concord_report_pdf");
        props.put(p + "report-language", "zh");
        server = ApplicationContext.run(EmbeddedServer.class, props, "test");
        Run queued = server.getApplicationContext().getBean(RunTriggers.class).trigger(DemoCommand.PROJECT, TriggerKind.CLI);
        run = ContextCommands.await(server.getApplicationContext().getBean(RunRepository.class), queued.id(), Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static String file(String format) {
        return new String(server.getApplicationContext().getBean(RunReports.class).download(run.id(), format).orElseThrow().content(),
                StandardCharsets.UTF_8);
    }

    @Test
    void theRunAnalysesAndPublishesTheChineseProjectLikeTheEnglishOne() {
        assertEquals("zh", server.getApplicationContext().getBean(ProjectRegistry.class).require(DemoCommand.PROJECT).reportLanguage());
        assertTrue(ContextCommands.describe(run).startsWith("Run " + run.id() + ": SUCCEEDED (PUBLISHED), 56 records"),
                ContextCommands.describe(run));
    }

    @Test
    void theReportsAreInChineseWithTheChineseLabels() {
        String html = file("html");
        assertTrue(html.contains("<html lang=\"zh\">"));
        for (String text : List.of("CLBPOQ：慢性腰痛结局指标问卷（Concord 演示）", "摘要", "表 1. 各结局指标分组重要性评分、共识及组间检验",
                "医生（n = 26）", "患者（n = 30）", "疼痛/不适", "日常生活活动", "身体形象与外观", "不良事件", "躯体功能", "读取记录数",
                "共识规则：", "性别", "女, n (%)".replace(", n", "，n"))) {
            assertTrue(html.contains(text), () -> "missing from the Chinese report: " + text);
        }
        assertFalse(html.contains(">Summary<") || html.contains("critical importance"), "English words left");
        String guide = file("topic-guide-html");
        assertTrue(guide.contains("lang=\"zh\"") && guide.contains("焦点小组访谈提纲"), "the topic guide follows the report language");
        assertTrue(html.contains("问卷结果与质性资料的联合展示（表 2）"), "the joint display of the demo's quotes");
        assertTrue(html.contains("整个项目") && !html.contains("the whole project"), "provenance values in Chinese too");
        String csv = file("csv");
        assertTrue(csv.contains("outcome_field,outcome,domain,group_code,group"), "CSV headers stay machine-readable English");
        assertTrue(csv.contains("疼痛/不适"), "with the Chinese labels");
    }

    @Test
    void theRedcapProjectDashboardBodyIsInChineseWithItsSmartFunctionsIntact() {
        String body = new String(server.getApplicationContext().getBean(RunRepository.class)
                .artifact(run.id(), concord.server.publish.DashboardBody.FILE_NAME).orElseThrow().content(), StandardCharsets.UTF_8);
        for (String text : List.of("医生和患者对结局指标的重视程度是否一致？", "两组均为至关重要：", "<h4>共识：医生</h4>",
                "[aggregate-max:concord_critical_both]", "[pie-chart:or_doctor_consensus]", "[scatter-plot:or_doctor_mean,or_patient_mean]")) {
            assertTrue(body.contains(text), () -> "missing from the dashboard body: " + text);
        }
        assertFalse(body.contains("value the same outcomes"), "English left");
    }

    @Test
    void theDashboardIsInChinese() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String authkey = sandbox.issueAuthkey(pid, SandboxUser.withAllRights("demo_coordinator"));
        HttpResponse<String> launch = http.send(HttpRequest.newBuilder(url("/launch?project=" + DemoCommand.PROJECT))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("authkey=" + URLEncoder.encode(authkey, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, launch.statusCode(), launch.body());
        Matcher cookie = Pattern.compile(SessionCookie.NAME + "=([^;]+)").matcher(launch.headers().firstValue("Set-Cookie").orElseThrow());
        assertTrue(cookie.find());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(url("/dashboard/" + DemoCommand.PROJECT))
                .header("Cookie", SessionCookie.NAME + "=" + cookie.group(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String body = page.body();
        for (String text : List.of("<html lang=\"zh\">", "各利益相关方组别的结局指标重要性", "最新结果", "立即运行分析", "下载", "运行历史",
                "各组作答情况", "组间存在差异的结局指标", "共识矩阵", "领域汇总", "表 1. 各结局指标分组重要性评分", "参与者特征", "方法",
                "已通过 REDCap 以 demo_coordinator 身份登录", "项目的全部记录：56 条记录", "疼痛/不适", "医生", "已发布")) {
            assertTrue(body.contains(text), () -> "missing from the Chinese dashboard: " + text);
        }
        for (String english : List.of("Run analysis now", "Latest results", "Run history", "Responses per group", "signed in")) {
            assertFalse(body.contains(english), () -> "English left on the dashboard: " + english);
        }
    }

    private static URI url(String path) {
        return URI.create(server.getURL().toString() + path);
    }
}
