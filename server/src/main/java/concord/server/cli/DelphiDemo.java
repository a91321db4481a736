package concord.server.cli;

import concord.connector.RecordQuery;
import concord.connector.RedcapClient;
import concord.connector.RedcapClientConfiguration;
import concord.connector.sandbox.RedcapSandbox;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code demo --delphi}: the three-round CLBPOQ Delphi demo project ({@code deploy/redcap/clbpoq-delphi-project.xml})
 * instead of the single survey, configured with {@code rounds: events} and {@code feedback.enabled}; after the run it
 * says where one participant's feedback PDF is and how to download it through the sandbox's API.
 */
final class DelphiDemo {
    static final String FILE_FIELD = "concord_feedback_r{round}";

    private DelphiDemo() {
    }

    /** The project's keys under {@code prefix} ({@code concord.projects.<id>.}). */
    static void configure(Map<String, Object> props, String prefix) {
        props.put(prefix + "group-field", "group");
        props.put(prefix + "demographic-fields", "age,sex");
        props.put(prefix + "rounds", "events");
        props.put(prefix + "feedback.enabled", "true");
        props.put(prefix + "feedback.file-field", FILE_FIELD);
    }

    /** Where the first participant with feedback has it, with a curl command to fetch it. */
    static void printFeedback(PrintStream out, RedcapSandbox sandbox, String token) {
        String api = sandbox.apiUrl().toString();
        try (RedcapClient client = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(), token))) {
            List<String> found = new ArrayList<>();
            for (int round = 3; round >= 1 && found.isEmpty(); round--) {
                String field = FILE_FIELD.replace("{round}", String.valueOf(round));
                String event = "round_" + Math.min(round + 1, 3) + "_arm_1";
                client.exportRecords(RecordQuery.all().withFields("record_id", field).withEvents(event), r -> {
                    if (found.isEmpty() && !r.values().getOrDefault(field, "").isEmpty()) {
                        found.addAll(List.of(r.recordId(), field, event));
                    }
                });
            }
            if (found.isEmpty()) {
                out.println("Participant feedback: none was published (see the run above).");
                return;
            }
            String record = found.get(0);
            out.println("Participant feedback: record " + record + ", field " + found.get(1) + ", event " + found.get(2)
                    + " (every participant of the latest round has theirs in the same field of their own record)");
            out.println("Download it:     curl -d token=" + token + " -d content=file -d action=export -d record=" + record
                    + " -d field=" + found.get(1) + " -d event=" + found.get(2) + " " + api + " -o feedback-" + record + ".pdf");
            out.println("Pipe values:     curl -d token=" + token + " -d content=record -d format=json -d 'records[0]=" + record
                    + "' -d 'events[0]=" + found.get(2) + "' -d 'forms[0]=delphi_feedback' " + api);
        }
    }
}
