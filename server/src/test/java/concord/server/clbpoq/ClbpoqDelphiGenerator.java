package concord.server.clbpoq;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates {@code deploy/redcap/clbpoq-delphi-project.xml}, the three-round Delphi demo: the CLBPOQ demo project's
 * {@code participant} and {@code outcome_ratings} instruments (read from the committed {@code clbpoq-project.xml}) in a
 * longitudinal project with the events {@code round_1_arm_1} … {@code round_3_arm_1}, plus the instrument
 * {@code delphi_feedback} (designated for rounds 2 and 3) with one file field per round ({@code concord_feedback_r1} …)
 * and a text field {@code fb_<outcome>} per outcome for pipe values. Round 1 holds the 56 demo participants' ratings;
 * rounds 2 and 3 are derived from them deterministically (seed {@link #SEED}): some participants drop out, and the
 * others move part of their scores one step towards their group's median of the round before, as Delphi panels do.
 * {@link ClbpoqDelphiGeneratorTest} checks that the committed file is current.
 */
final class ClbpoqDelphiGenerator {
    static final String FILE = "clbpoq-delphi-project.xml";
    static final long SEED = 20240607L + 3;
    static final String[] EVENTS = {"round_1_arm_1", "round_2_arm_1", "round_3_arm_1"};
    static final String FORM = "delphi_feedback";
    static final String TITLE = "CLBPOQ Delphi: three rounds with personal feedback (Concord demo)";
    /** Share of the round before's respondents who answer round 2 and round 3. */
    static final double[] STAY = {1.0, 0.86, 0.85};
    private static final String ODM = "http://www.cdisc.org/ns/odm/v1.3";
    private static final String REDCAP = "https://projectredcap.org";
    private static final List<String> KEPT_FORMS = List.of("participant", "outcome_ratings");

    private ClbpoqDelphiGenerator() {
    }

    static String generate() throws Exception {
        Document doc = DeployFiles.odm(ClbpoqGenerator.PROJECT_XML);
        Element root = doc.getDocumentElement();
        root.setAttribute("Description", TITLE);
        Element study = first(root, "Study");
        study.setAttribute("OID", "Project.CLBPOQDelphiDemo");
        Element globals = first(study, "GlobalVariables");
        for (String name : List.of("StudyName", "ProtocolName")) {
            first(globals, name).setTextContent(TITLE);
        }
        first(globals, "StudyDescription").setTextContent("This file contains the metadata, events, and data for REDCap project \""
                + TITLE + "\".");
        for (Element e : elements(globals, REDCAP, "RepeatingInstrumentsAndEvents")) {
            e.getParentNode().removeChild(e);
        }
        for (Element e : elements(globals, REDCAP, "ProjectNotes")) {
            e.setTextContent("Round 1 = the CLBPOQ demo records; rounds 2 and 3 derived from them by Concord's generator "
                    + "(drop-outs, scores moving towards the group median); not real participants.");
        }
        Element mdv = first(study, "MetaDataVersion");
        mdv.setAttribute("OID", "Metadata.CLBPOQDelphiDemo_2024-06-07_1200");
        mdv.setAttribute("Name", TITLE);
        List<String> outcomes = keepForms(mdv);
        addFeedbackForm(doc, mdv, outcomes);
        addEvents(doc, mdv);
        Element clinical = first(root, "ClinicalData");
        clinical.setAttribute("StudyOID", "Project.CLBPOQDelphiDemo");
        clinical.setAttribute("MetaDataVersionOID", "Metadata.CLBPOQDelphiDemo_2024-06-07_1200");
        rounds(doc, clinical, outcomes);
        return serialize(doc);
    }

    /** Removes every instrument but participant and outcome_ratings; returns the outcome fields in order. */
    private static List<String> keepForms(Element mdv) {
        List<String> removedGroups = new ArrayList<>();
        for (Element form : elements(mdv, ODM, "FormDef")) {
            if (!KEPT_FORMS.contains(form.getAttributeNS(REDCAP, "FormName"))) {
                elements(form, ODM, "ItemGroupRef").forEach(r -> removedGroups.add(r.getAttribute("ItemGroupOID")));
                mdv.removeChild(form);
            }
        }
        List<String> removedItems = new ArrayList<>();
        for (Element group : elements(mdv, ODM, "ItemGroupDef")) {
            if (removedGroups.contains(group.getAttribute("OID"))) {
                elements(group, ODM, "ItemRef").forEach(r -> removedItems.add(r.getAttribute("ItemOID")));
                mdv.removeChild(group);
            }
        }
        List<String> outcomes = new ArrayList<>();
        for (Element item : elements(mdv, ODM, "ItemDef")) {
            if (removedItems.contains(item.getAttribute("OID"))) {
                mdv.removeChild(item);
            } else if (item.getAttributeNS(REDCAP, "FieldAnnotation").contains("@CONCORD-OUTCOME")) {
                outcomes.add(item.getAttribute("OID"));
            }
        }
        for (Element list : elements(mdv, ODM, "CodeList")) {
            if (removedItems.contains(list.getAttributeNS(REDCAP, "Variable"))) {
                mdv.removeChild(list);
            }
        }
        return outcomes;
    }

    private static void addFeedbackForm(Document doc, Element mdv, List<String> outcomes) {
        Element lastForm = elements(mdv, ODM, "FormDef").get(KEPT_FORMS.size() - 1);
        Element form = el(doc, "FormDef", "OID", "Form." + FORM, "Name", "Delphi Feedback", "Repeating", "No");
        form.setAttributeNS(REDCAP, "redcap:FormName", FORM);
        String[] groups = {FORM + ".concord_feedback_r1", FORM + ".fb_" + outcomes.get(0), FORM + "." + FORM + "_complete"};
        for (String g : groups) {
            form.appendChild(el(doc, "ItemGroupRef", "ItemGroupOID", g, "Mandatory", "No"));
        }
        mdv.insertBefore(form, lastForm.getNextSibling());
        List<Element> groupDefs = new ArrayList<>();
        List<Element> items = new ArrayList<>();
        Element files = el(doc, "ItemGroupDef", "OID", groups[0], "Name", "Delphi Feedback", "Repeating", "No");
        for (int r = 1; r <= EVENTS.length; r++) {
            String name = "concord_feedback_r" + r;
            files.appendChild(itemRef(doc, name));
            items.add(itemDef(doc, name, "file", r == 1 ? "Your personal feedback" : "", "Your feedback on round " + r + " (PDF)",
                    "Written by Concord after round " + r + ": your scores and every group's, per outcome"));
        }
        groupDefs.add(files);
        Element pipes = el(doc, "ItemGroupDef", "OID", groups[1], "Name", "", "Repeating", "No");
        Map<String, String> labels = new HashMap<>();
        elements(mdv, ODM, "ItemDef").forEach(i -> labels.put(i.getAttribute("OID"), text(i)));
        for (String o : outcomes) {
            pipes.appendChild(itemRef(doc, "fb_" + o));
            items.add(itemDef(doc, "fb_" + o, "text", o.equals(outcomes.get(0)) ? "Feedback per outcome (for piping)" : "",
                    labels.get(o), ""));
        }
        groupDefs.add(pipes);
        Element status = el(doc, "ItemGroupDef", "OID", groups[2], "Name", "Form Status", "Repeating", "No");
        status.appendChild(itemRef(doc, FORM + "_complete"));
        groupDefs.add(status);
        Element complete = (Element) elements(mdv, ODM, "ItemDef").stream().filter(i -> i.getAttribute("OID").equals("participant_complete"))
                .findFirst().orElseThrow().cloneNode(true);
        rename(complete, FORM + "_complete");
        items.add(complete);
        Element completeList = (Element) elements(mdv, ODM, "CodeList").stream()
                .filter(l -> l.getAttribute("OID").equals("participant_complete.choices")).findFirst().orElseThrow().cloneNode(true);
        completeList.setAttribute("OID", FORM + "_complete.choices");
        completeList.setAttribute("Name", FORM + "_complete");
        completeList.setAttributeNS(REDCAP, "redcap:Variable", FORM + "_complete");
        List<Element> existingGroups = elements(mdv, ODM, "ItemGroupDef");
        Node afterGroups = existingGroups.get(existingGroups.size() - 1).getNextSibling();
        groupDefs.forEach(g -> mdv.insertBefore(g, afterGroups));
        List<Element> existingItems = elements(mdv, ODM, "ItemDef");
        Node afterItems = existingItems.get(existingItems.size() - 1).getNextSibling();
        items.forEach(i -> mdv.insertBefore(i, afterItems));
        mdv.appendChild(completeList);
    }

    private static void rename(Element item, String name) {
        item.setAttribute("OID", name);
        item.setAttribute("Name", name);
        item.setAttributeNS(REDCAP, "redcap:Variable", name);
        first(item, "CodeListRef").setAttribute("CodeListOID", name + ".choices");
    }

    private static Element itemRef(Document doc, String name) {
        Element ref = el(doc, "ItemRef", "ItemOID", name, "Mandatory", "No");
        ref.setAttributeNS(REDCAP, "redcap:Variable", name);
        return ref;
    }

    private static Element itemDef(Document doc, String name, String type, String header, String label, String note) {
        Element item = el(doc, "ItemDef", "OID", name, "Name", name, "DataType", "text", "Length", "999");
        item.setAttributeNS(REDCAP, "redcap:Variable", name);
        item.setAttributeNS(REDCAP, "redcap:FieldType", type);
        if (!note.isEmpty()) {
            item.setAttributeNS(REDCAP, "redcap:FieldNote", note);
        }
        if (!header.isEmpty()) {
            item.setAttributeNS(REDCAP, "redcap:SectionHeader", header);
        }
        item.setAttributeNS(REDCAP, "redcap:FieldAnnotation", "@READONLY");
        Element question = el(doc, "Question");
        Element text = el(doc, "TranslatedText");
        text.setTextContent(label);
        question.appendChild(text);
        item.appendChild(question);
        return item;
    }

    /** The Protocol and one StudyEventDef per round, first in the MetaDataVersion as REDCap writes them. */
    private static void addEvents(Document doc, Element mdv) {
        Element protocol = el(doc, "Protocol");
        List<Element> defs = new ArrayList<>();
        for (int i = 0; i < EVENTS.length; i++) {
            protocol.appendChild(el(doc, "StudyEventRef", "StudyEventOID", "Event." + EVENTS[i], "OrderNumber",
                    String.valueOf(i + 1), "Mandatory", "No"));
            Element def = el(doc, "StudyEventDef", "OID", "Event." + EVENTS[i], "Name", "Round " + (i + 1), "Type", "Common",
                    "Repeating", "No");
            String[][] attrs = {{"EventName", "Round " + (i + 1)}, {"CustomEventLabel", ""}, {"UniqueEventName", EVENTS[i]},
                    {"ArmNum", "1"}, {"ArmName", "Arm 1"}, {"DayOffset", String.valueOf(1 + 28 * i)}, {"OffsetMin", "0"},
                    {"OffsetMax", "0"}};
            for (String[] a : attrs) {
                def.setAttributeNS(REDCAP, "redcap:" + a[0], a[1]);
            }
            List<String> forms = new ArrayList<>(i == 0 ? List.of("participant", "outcome_ratings") : List.of("outcome_ratings", FORM));
            for (int f = 0; f < forms.size(); f++) {
                Element ref = el(doc, "FormRef", "FormOID", "Form." + forms.get(f), "OrderNumber", String.valueOf(f + 1), "Mandatory", "No");
                ref.setAttributeNS(REDCAP, "redcap:FormName", forms.get(f));
                def.appendChild(ref);
            }
            defs.add(def);
        }
        Node first = mdv.getFirstChild();
        mdv.insertBefore(protocol, first);
        defs.forEach(d -> mdv.insertBefore(d, first));
    }

    /** Every participant's round 1 as it is, then rounds 2 and 3 derived from the round before. */
    private static void rounds(Document doc, Element clinical, List<String> outcomes) {
        Random random = new Random(SEED);
        List<Element> subjects = elements(clinical, ODM, "SubjectData");
        Map<String, int[]> scores = new LinkedHashMap<>();
        Map<String, String> groupOf = new HashMap<>();
        Map<String, List<Element>> forms = new HashMap<>();
        for (Element s : subjects) {
            String id = s.getAttribute("SubjectKey");
            List<Element> kept = elements(s, ODM, "FormData").stream()
                    .filter(f -> KEPT_FORMS.contains(f.getAttribute("FormOID").substring(5))).toList();
            elements(s, ODM, "FormData").forEach(s::removeChild);
            if (kept.stream().noneMatch(f -> f.getAttribute("FormOID").equals("Form.outcome_ratings"))) {
                clinical.removeChild(s); // the results record of the single-survey demo
                continue;
            }
            int[] own = new int[outcomes.size()];
            for (Element item : kept.stream().flatMap(f -> elements(f, ODM, "ItemData").stream()).toList()) {
                int o = outcomes.indexOf(item.getAttribute("ItemOID"));
                if (o >= 0) {
                    own[o] = Integer.parseInt(item.getAttribute("Value"));
                }
                if (item.getAttribute("ItemOID").equals("group")) {
                    groupOf.put(id, item.getAttribute("Value"));
                }
            }
            scores.put(id, own);
            forms.put(id, kept);
        }
        for (Element s : elements(clinical, ODM, "SubjectData")) {
            Element event = eventData(doc, 0);
            forms.get(s.getAttribute("SubjectKey")).forEach(event::appendChild);
            s.appendChild(event);
        }
        Map<String, int[]> previous = scores;
        for (int round = 1; round < EVENTS.length; round++) {
            Map<String, double[]> medians = medians(previous, groupOf, outcomes.size());
            Map<String, int[]> next = new LinkedHashMap<>();
            for (Map.Entry<String, int[]> p : previous.entrySet()) {
                if (random.nextDouble() >= STAY[round]) {
                    continue; // dropped out
                }
                int[] before = p.getValue();
                double[] median = medians.get(groupOf.get(p.getKey()));
                int[] now = new int[before.length];
                for (int o = 0; o < before.length; o++) {
                    int m = (int) Math.round(median[o]);
                    int s = before[o] == 0 ? (random.nextInt(2) == 0 ? 0 : m) : before[o];
                    if (s != 0 && s != m && random.nextDouble() < 0.45) {
                        s += Integer.signum(m - s);
                    } else if (s != 0 && random.nextDouble() < 0.05) {
                        s = Math.max(1, Math.min(9, s + (random.nextBoolean() ? 1 : -1)));
                    }
                    now[o] = s;
                }
                next.put(p.getKey(), now);
            }
            for (Element s : elements(clinical, ODM, "SubjectData")) {
                int[] now = next.get(s.getAttribute("SubjectKey"));
                if (now != null) {
                    Element event = eventData(doc, round);
                    event.appendChild(ratings(doc, outcomes, now));
                    s.appendChild(event);
                }
            }
            previous = next;
        }
    }

    private static Map<String, double[]> medians(Map<String, int[]> scores, Map<String, String> groupOf, int outcomes) {
        Map<String, double[]> out = new HashMap<>();
        for (String group : new java.util.TreeSet<>(groupOf.values())) {
            double[] m = new double[outcomes];
            for (int o = 0; o < outcomes; o++) {
                int oo = o;
                int[] values = scores.entrySet().stream().filter(e -> group.equals(groupOf.get(e.getKey())))
                        .mapToInt(e -> e.getValue()[oo]).filter(v -> v > 0).sorted().toArray();
                m[o] = values.length == 0 ? 5 : values.length % 2 == 1 ? values[values.length / 2]
                        : (values[values.length / 2 - 1] + values[values.length / 2]) / 2.0;
            }
            out.put(group, m);
        }
        return out;
    }

    private static Element eventData(Document doc, int round) {
        Element e = el(doc, "StudyEventData", "StudyEventOID", "Event." + EVENTS[round], "StudyEventRepeatKey", "1");
        e.setAttributeNS(REDCAP, "redcap:UniqueEventName", EVENTS[round]);
        return e;
    }

    private static Element ratings(Document doc, List<String> outcomes, int[] scores) {
        Element form = el(doc, "FormData", "FormOID", "Form.outcome_ratings", "FormRepeatKey", "1");
        for (int o = 0; o < outcomes.size(); o++) {
            if (scores[o] > 0) {
                Element group = el(doc, "ItemGroupData", "ItemGroupOID", "outcome_ratings." + outcomes.get(o), "ItemGroupRepeatKey", "1");
                group.appendChild(el(doc, "ItemData", "ItemOID", outcomes.get(o), "Value", String.valueOf(scores[o])));
                form.appendChild(group);
            }
        }
        Element status = el(doc, "ItemGroupData", "ItemGroupOID", "outcome_ratings.outcome_ratings_complete", "ItemGroupRepeatKey", "1");
        status.appendChild(el(doc, "ItemData", "ItemOID", "outcome_ratings_complete", "Value", "2"));
        form.appendChild(status);
        return form;
    }

    private static Element el(Document doc, String name, String... attributes) {
        Element e = doc.createElementNS(ODM, name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            e.setAttribute(attributes[i], attributes[i + 1]);
        }
        return e;
    }

    private static String text(Element item) {
        NodeList t = item.getElementsByTagNameNS(ODM, "TranslatedText");
        return t.getLength() == 0 ? "" : t.item(0).getTextContent();
    }

    private static Element first(Element parent, String local) {
        NodeList nodes = parent.getElementsByTagNameNS(ODM, local);
        if (nodes.getLength() == 0) {
            throw new IllegalStateException("no " + local + " in " + parent.getLocalName());
        }
        return (Element) nodes.item(0);
    }

    /** Direct children named {@code local}. */
    private static List<Element> elements(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        NodeList all = parent.getElementsByTagNameNS(ns, local);
        for (int i = 0; i < all.getLength(); i++) {
            out.add((Element) all.item(i));
        }
        if (ns.equals(ODM) && Arrays.asList("FormDef", "ItemGroupDef", "ItemDef", "CodeList", "SubjectData", "FormData").contains(local)) {
            out.removeIf(e -> e.getParentNode() != parent);
        }
        return out;
    }

    private static void stripWhitespace(Node node) {
        for (Node child = node.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.TEXT_NODE && child.getTextContent().isBlank()) {
                node.removeChild(child);
            } else {
                stripWhitespace(child);
            }
            child = next;
        }
    }

    private static String serialize(Document doc) throws Exception {
        stripWhitespace(doc);
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "1");
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(doc), new StreamResult(out));
        return out.toString().replaceFirst("^<\\?xml[^>]*\\?>\\s*", "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n") + "\n";
    }
}
