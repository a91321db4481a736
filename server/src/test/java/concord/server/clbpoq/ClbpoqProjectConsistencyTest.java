package concord.server.clbpoq;

import concord.analysis.RatingScale;
import concord.analysis.ScoreHistogram;
import concord.analysis.reconstruction.ReconstructedRow;
import concord.analysis.reconstruction.Reconstruction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed ODM project XML and the dictionary + records CSV pair describe the same project and
 * the same data, each file read independently with a general-purpose parser.
 */
class ClbpoqProjectConsistencyTest {

    private static final String ODM = "http://www.cdisc.org/ns/odm/v1.3";
    private static final String REDCAP = "https://projectredcap.org";
    /** REDCap's data dictionary headers, as its Data Dictionary download writes them. */
    private static final List<String> HEADERS = List.of("Variable / Field Name", "Form Name", "Section Header",
            "Field Type", "Field Label", "Choices, Calculations, OR Slider Labels", "Field Note",
            "Text Validation Type OR Show Slider Number", "Text Validation Min", "Text Validation Max",
            "Identifier?", "Branching Logic (Show field only if...)", "Required Field?", "Custom Alignment",
            "Question Number (surveys only)", "Matrix Group Name", "Matrix Ranking?", "Field Annotation");

    static List<Map<String, String>> dictionary;
    static List<Map<String, String>> records;
    static Document odm;

    @BeforeAll
    static void read() throws Exception {
        dictionary = DeployFiles.csvRecords(ClbpoqGenerator.DICTIONARY);
        records = DeployFiles.csvRecords(ClbpoqGenerator.RECORDS);
        odm = DeployFiles.odm(ClbpoqGenerator.PROJECT_XML);
    }

    @Test
    void theDictionaryHasRedcapsEighteenHeaders() throws Exception {
        assertEquals(HEADERS, DeployFiles.csvRows(ClbpoqGenerator.DICTIONARY).get(0));
        for (List<String> row : DeployFiles.csvRows(ClbpoqGenerator.DICTIONARY)) {
            assertEquals(18, row.size(), row.toString());
        }
        assertFalse(DeployFiles.text(ClbpoqGenerator.DICTIONARY).startsWith("\uFEFF"));
    }

    @Test
    void fieldsAgree() {
        Map<String, Element> items = new HashMap<>();
        for (Element e : elements(odm, ODM, "ItemDef")) {
            items.put(e.getAttribute("OID"), e);
        }
        Map<String, Map<String, String>> codeLists = codeLists();
        Map<String, String> formOfItem = formOfItem();
        for (Map<String, String> f : dictionary) {
            String name = f.get("Variable / Field Name");
            String type = f.get("Field Type");
            String item = type.equals("checkbox") ? name + "___" + firstCode(f) : name;
            Element def = items.get(item);
            assertTrue(def != null, "no ItemDef for " + name);
            assertEquals(f.get("Form Name"), formOfItem.get(item), name);
            assertEquals(Map.of("radio", "radio", "text", "text", "notes", "textarea", "file", "file",
                    "descriptive", "descriptive", "checkbox", "checkbox").get(type), r(def, "FieldType"), name);
            assertEquals(f.get("Field Label"), text(def, "TranslatedText"), name);
            assertEquals(f.get("Field Note"), r(def, "FieldNote"), name);
            assertEquals(f.get("Section Header"), r(def, "SectionHeader"), name);
            assertEquals(f.get("Branching Logic (Show field only if...)"), r(def, "BranchingLogic"), name);
            assertEquals(f.get("Required Field?"), r(def, "RequiredField"), name);
            assertEquals(f.get("Matrix Group Name"), r(def, "MatrixGroupName"), name);
            assertEquals(f.get("Field Annotation"), r(def, "FieldAnnotation"), name);
            String validation = f.get("Text Validation Type OR Show Slider Number");
            assertEquals(Map.of("integer", "int", "number", "float").getOrDefault(validation, validation),
                    r(def, "TextValidationType"), name);
            if (type.equals("radio")) {
                assertEquals(choices(f.get("Choices, Calculations, OR Slider Labels")), codeLists.get(name), name);
            }
        }
        long odmFields = items.values().stream().map(e -> e.getAttributeNS(REDCAP, "Variable"))
                .filter(v -> !v.endsWith("_complete")).distinct().count();
        assertEquals(dictionary.size(), odmFields);
    }

    @Test
    void instrumentsAndTheRepeatingInstrumentAgree() {
        List<String> odmForms = elements(odm, ODM, "FormDef").stream().map(e -> e.getAttributeNS(REDCAP, "FormName")).toList();
        List<String> csvForms = new ArrayList<>(new LinkedHashSet<>(dictionary.stream().map(f -> f.get("Form Name")).toList()));
        assertEquals(List.of("participant", "outcome_ratings", "concord_results", "concord_outcome_results",
                "concord_group_results", "qualitative_data"), csvForms);
        assertEquals(csvForms, odmForms);
        List<String> repeating = elements(odm, REDCAP, "RepeatingInstrument").stream()
                .map(e -> e.getAttributeNS(REDCAP, "RepeatInstrument") + " " + e.getAttributeNS(REDCAP, "CustomLabel")).toList();
        assertEquals(List.of("concord_outcome_results [or_label]", "concord_group_results [gr_outcome]: [gr_group_label]",
                "qualitative_data [qual_speaker]: [qual_theme]"), repeating);
        List<String> header = new ArrayList<>(records.get(0).keySet());
        assertEquals(List.of("record_id", "redcap_repeat_instrument", "redcap_repeat_instance"), header.subList(0, 3));
        assertTrue(header.containsAll(List.of("or_differ_by___1", "or_differ_by___2", "or_differ_by___3",
                "concord_report_pdf", "participant_complete", "concord_outcome_results_complete", "gr_median",
                "concord_group_results_complete")));
        assertFalse(header.contains("concord_dashboard_link"), "descriptive fields are not exported");
    }

    @Test
    void recordsAgree() throws Exception {
        Map<String, Map<String, String>> fromOdm = new TreeMap<>();
        Map<String, Map<String, String>> qualitativeFromOdm = new TreeMap<>();
        for (Element subject : elements(odm, ODM, "SubjectData")) {
            Map<String, String> values = new TreeMap<>();
            for (Element form : elements(subject, ODM, "FormData")) {
                boolean repeating = form.getAttribute("FormOID").equals("Form." + ClbpoqDictionary.QUALITATIVE_DATA);
                Map<String, String> into = values;
                if (repeating) {
                    into = new TreeMap<>(Map.of("record_id", subject.getAttribute("SubjectKey"),
                            "redcap_repeat_instrument", ClbpoqDictionary.QUALITATIVE_DATA,
                            "redcap_repeat_instance", form.getAttribute("FormRepeatKey")));
                    qualitativeFromOdm.put(subject.getAttribute("SubjectKey") + "#" + form.getAttribute("FormRepeatKey"), into);
                }
                for (Element item : elements(form, ODM, "ItemData")) {
                    into.put(item.getAttribute("ItemOID"), item.getAttribute("Value"));
                }
            }
            fromOdm.put(subject.getAttribute("SubjectKey"), values);
        }
        Map<String, Map<String, String>> qualitativeFromCsv = new TreeMap<>();
        for (Map<String, String> r : DeployFiles.csvRecords(ClbpoqGenerator.QUALITATIVE)) {
            Map<String, String> values = new TreeMap<>();
            r.forEach((k, v) -> {
                if (!v.isEmpty()) {
                    values.put(k, v);
                }
            });
            qualitativeFromCsv.put(r.get("record_id") + "#" + r.get("redcap_repeat_instance"), values);
        }
        assertEquals(ClbpoqQualitative.EXCERPTS.size(), qualitativeFromCsv.size());
        for (Map<String, String> q : qualitativeFromCsv.values()) {
            // the paper's printed quotes are not in the reference material: no demo text may pass for one
            assertTrue(q.get("qual_quote").startsWith(ClbpoqQualitative.PLACEHOLDER), q.toString());
            assertTrue(q.get("qual_speaker").matches("[DP][0-9]+"), q.toString());
        }
        assertEquals(qualitativeFromCsv, qualitativeFromOdm);
        Map<String, Map<String, String>> fromCsv = new TreeMap<>();
        for (Map<String, String> r : records) {
            Map<String, String> values = new TreeMap<>();
            r.forEach((k, v) -> {
                if (!v.isEmpty()) {
                    values.put(k, v);
                }
            });
            fromCsv.put(r.get("record_id"), values);
        }
        assertEquals(56, fromCsv.size());
        assertEquals(fromCsv, fromOdm);
    }

    @Test
    void theQuestionnaireIsTheCLBPOQ() {
        List<Map<String, String>> outcomes = dictionary.stream()
                .filter(f -> f.get("Field Annotation").contains("@CONCORD-OUTCOME")).toList();
        assertEquals(57, outcomes.size());
        Set<String> domains = new LinkedHashSet<>();
        String previous = "";
        for (Map<String, String> f : outcomes) {
            assertEquals("radio", f.get("Field Type"));
            assertEquals(ClbpoqDictionary.GRADE_CHOICES, f.get("Choices, Calculations, OR Slider Labels"));
            assertFalse(f.get("Field Note").isBlank(), f.get("Variable / Field Name") + " needs a definition");
            String domain = f.get("Field Annotation").replaceAll(".*@CONCORD-DOMAIN=\"([^\"]+)\".*", "$1");
            if (!domain.equals(previous)) {
                assertTrue(domains.add(domain), domain + " must be one contiguous matrix");
                assertTrue(f.get("Section Header").startsWith(domain), f.get("Section Header"));
            }
            previous = domain;
        }
        assertEquals(17, domains.size());
        assertEquals(new java.util.TreeSet<>(ClbpoqGenerator.table().outcomes()),
                new java.util.TreeSet<>(outcomes.stream().map(f -> f.get("Field Label")).toList()));
    }

    @Test
    void theRatingsAreTheReconstruction() {
        Reconstruction reconstruction = ClbpoqGenerator.reconstruct();
        Map<String, String> fieldOf = new HashMap<>();
        dictionary.forEach(f -> fieldOf.put(f.get("Field Label"), f.get("Variable / Field Name")));
        assertEquals(26, records.stream().filter(r -> r.get("group").equals("1")).count());
        assertEquals(30, records.stream().filter(r -> r.get("group").equals("2")).count());
        for (ReconstructedRow row : reconstruction.rows()) {
            String code = row.group().equals("Doctor") ? "1" : "2";
            String field = fieldOf.get(row.outcome());
            long[] counts = new long[9];
            long missing = 0;
            for (Map<String, String> r : records) {
                if (r.get("group").equals(code)) {
                    String v = r.get(field);
                    if (v.isEmpty()) {
                        missing++;
                    } else {
                        counts[Integer.parseInt(v) - 1]++;
                    }
                }
            }
            assertEquals(row.histogram(), new ScoreHistogram(RatingScale.grade(), counts, 0), row.outcome());
            assertEquals((code.equals("1") ? 26 : 30) - row.n(), missing, row.outcome() + " missing answers");
        }
    }

    private static Map<String, Map<String, String>> codeLists() {
        Map<String, Map<String, String>> lists = new HashMap<>();
        for (Element list : elements(odm, ODM, "CodeList")) {
            Map<String, String> items = new LinkedHashMap<>();
            for (Element item : elements(list, ODM, "CodeListItem")) {
                items.put(item.getAttribute("CodedValue"), text(item, "TranslatedText"));
            }
            lists.put(list.getAttributeNS(REDCAP, "Variable"), items);
        }
        return lists;
    }

    private static Map<String, String> formOfItem() {
        Map<String, String> groupForm = new HashMap<>();
        for (Element form : elements(odm, ODM, "FormDef")) {
            for (Element ref : elements(form, ODM, "ItemGroupRef")) {
                groupForm.put(ref.getAttribute("ItemGroupOID"), form.getAttributeNS(REDCAP, "FormName"));
            }
        }
        Map<String, String> itemForm = new HashMap<>();
        for (Element group : elements(odm, ODM, "ItemGroupDef")) {
            for (Element ref : elements(group, ODM, "ItemRef")) {
                itemForm.put(ref.getAttribute("ItemOID"), groupForm.get(group.getAttribute("OID")));
            }
        }
        return itemForm;
    }

    private static Map<String, String> choices(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String part : text.split("\\|")) {
            String[] kv = part.split(",", 2);
            map.put(kv[0].trim(), kv[1].trim());
        }
        return map;
    }

    private static String firstCode(Map<String, String> f) {
        return choices(f.get("Choices, Calculations, OR Slider Labels")).keySet().iterator().next();
    }

    private static String r(Element e, String attribute) {
        return e.getAttributeNS(REDCAP, attribute);
    }

    private static String text(Element e, String local) {
        NodeList nodes = e.getElementsByTagNameNS(ODM, local);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
    }

    private static List<Element> elements(Object parent, String ns, String local) {
        NodeList nodes = parent instanceof Document d ? d.getElementsByTagNameNS(ns, local)
                : ((Element) parent).getElementsByTagNameNS(ns, local);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }
}
