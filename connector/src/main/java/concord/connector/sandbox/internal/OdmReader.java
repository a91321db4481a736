package concord.connector.sandbox.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a REDCap CDISC ODM project export ({@code project.xml}): instruments and fields from FormDef, ItemGroupDef,
 * ItemDef and CodeList with their {@code redcap:*} attributes; events and arms; repeating setup; DAGs; and the
 * ClinicalData records (file fields keep their bytes).
 */
public final class OdmReader {
    static final String ODM = "http://www.cdisc.org/ns/odm/v1.3";
    static final String REDCAP = "https://projectredcap.org";

    private final Document doc;
    private final String source;

    private OdmReader(Document doc, String source) {
        this.doc = doc;
        this.source = source;
    }

    public static ProjectData read(byte[] xml, String source) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            try (InputStream in = new ByteArrayInputStream(protectAttributeWhitespace(xml))) {
                return new OdmReader(f.newDocumentBuilder().parse(in), source).project();
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException(source + " is not a readable CDISC ODM file: " + e.getMessage(), e);
        }
    }

    /**
     * REDCap writes line breaks and tabs in values literally inside attributes ({@code Value="a
     * b"}), and XML parsers normalize those to spaces. Escaping them as character references first keeps the
     * values exactly as entered.
     */
    static byte[] protectAttributeWhitespace(byte[] xml) {
        String text = new String(xml, java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length() + 256);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c != '<') {
                out.append(c);
                i++;
                continue;
            }
            String close = text.startsWith("<![CDATA[", i) ? "]]>" : text.startsWith("<!--", i) ? "-->" : text.startsWith("<?", i) ? "?>" : null;
            if (close != null) {
                int end = text.indexOf(close, i);
                end = end < 0 ? n : end + close.length();
                out.append(text, i, end);
                i = end;
                continue;
            }
            char quote = 0;
            for (; i < n; i++) {
                char t = text.charAt(i);
                if (quote == 0 && t == '>') {
                    out.append(t);
                    i++;
                    break;
                }
                if (quote == 0 && (t == '"' || t == '\'')) {
                    quote = t;
                } else if (t == quote) {
                    quote = 0;
                } else if (quote != 0 && (t == '\n' || t == '\r' || t == '\t')) {
                    out.append("&#").append((int) t).append(';');
                    continue;
                }
                out.append(t);
            }
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private ProjectData project() {
        Element mdv = first(doc.getDocumentElement(), "MetaDataVersion");
        if (mdv == null) {
            throw new IllegalArgumentException(source + " has no MetaDataVersion; export the project as 'CDISC ODM (XML) with metadata'.");
        }
        Map<String, Element> groups = index(mdv, "ItemGroupDef");
        Map<String, Element> items = index(mdv, "ItemDef");
        Map<String, Element> codeLists = index(mdv, "CodeList");
        List<FieldDef> fields = new ArrayList<>();
        List<FormDef> forms = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Element form : children(mdv, "FormDef")) {
            String formName = rc(form, "FormName", form.getAttribute("Name"));
            forms.add(new FormDef(formName, form.getAttribute("Name")));
            for (Element ref : children(form, "ItemGroupRef")) {
                Element group = groups.get(ref.getAttribute("ItemGroupOID"));
                if (group == null) {
                    continue;
                }
                for (Element itemRef : children(group, "ItemRef")) {
                    Element item = items.get(itemRef.getAttribute("ItemOID"));
                    if (item == null) {
                        continue;
                    }
                    String var = rc(item, "Variable", item.getAttribute("Name"));
                    if (var.equals(formName + "_complete") || var.startsWith("redcap_") || rc(item, "FieldType", "").isEmpty()
                            || !seen.add(var)) {
                        continue;
                    }
                    fields.add(field(item, var, formName, codeLists));
                }
            }
        }
        String title = text(first(doc.getDocumentElement(), "StudyName"));
        Dictionary dictionary = new Dictionary(fields, forms);
        List<EventDef> events = new ArrayList<>();
        Map<Integer, String> arms = new TreeMap<>();
        Map<String, List<String>> mapping = new LinkedHashMap<>();
        readEvents(events, arms, mapping, forms);
        List<RepeatSetting> repeating = new ArrayList<>();
        for (Element e : descendants(doc.getDocumentElement(), REDCAP, "RepeatingInstrument")) {
            repeating.add(new RepeatSetting(events.isEmpty() ? null : rc(e, "UniqueEventName", ""), rc(e, "RepeatInstrument", ""),
                    rc(e, "CustomLabel", "")));
        }
        for (Element e : descendants(doc.getDocumentElement(), REDCAP, "RepeatingEvent")) {
            repeating.add(new RepeatSetting(rc(e, "UniqueEventName", ""), "", ""));
        }
        List<ArmDef> armList = arms.entrySet().stream().map(a -> new ArmDef(a.getKey(), a.getValue())).toList();
        ProjectData project = new ProjectData(title.isEmpty() ? source : title, dictionary, events, armList, mapping, repeating);
        for (Element e : descendants(doc.getDocumentElement(), REDCAP, "DataAccessGroups")) {
            String label = e.getAttribute("group_name");
            project.addDag(label, uniqueName(label));
        }
        readClinicalData(project);
        return project;
    }

    private FieldDef field(Element item, String var, String form, Map<String, Element> codeLists) {
        String type = switch (rc(item, "FieldType", "text")) {
            case "textarea" -> "notes";
            case "select" -> "dropdown";
            default -> rc(item, "FieldType", "text");
        };
        String validation = switch (rc(item, "TextValidationType", "")) {
            case "int" -> "integer";
            case "float" -> "number";
            default -> rc(item, "TextValidationType", "");
        };
        if (validation.equals("signature")) {
            type = "file";
        }
        String choices = "";
        Element ref = first(item, "CodeListRef");
        Element list = ref == null ? null : codeLists.get(ref.getAttribute("CodeListOID"));
        if (type.equals("calc")) {
            choices = rc(item, "Calculation", "");
        } else if (type.equals("slider")) {
            choices = rc(item, "SliderLabels", "");
        } else if (list != null && type.equals("checkbox")) {
            choices = rc(list, "CheckboxChoices", "");
        } else if (list != null && !type.equals("yesno") && !type.equals("truefalse")) {
            List<String> parts = new ArrayList<>();
            for (Element ci : children(list, "CodeListItem")) {
                parts.add(ci.getAttribute("CodedValue") + ", " + text(first(ci, "TranslatedText")));
            }
            choices = String.join(" | ", parts);
        }
        String min = "";
        String max = "";
        for (Element rcheck : children(item, "RangeCheck")) {
            String value = text(first(rcheck, "CheckValue"));
            if (rcheck.getAttribute("Comparator").equals("GE")) {
                min = value;
            } else if (rcheck.getAttribute("Comparator").equals("LE")) {
                max = value;
            }
        }
        String label = text(first(first(item, "Question"), "TranslatedText"));
        return new FieldDef(var, form, rc(item, "SectionHeader", ""), type, label, choices, rc(item, "FieldNote", ""), validation,
                min, max, rc(item, "Identifier", ""), rc(item, "BranchingLogic", ""), rc(item, "RequiredField", ""),
                rc(item, "CustomAlignment", ""), rc(item, "QuestionNumber", ""), rc(item, "MatrixGroupName", ""),
                rc(item, "MatrixRanking", ""), rc(item, "FieldAnnotation", ""));
    }

    private void readEvents(List<EventDef> events, Map<Integer, String> arms, Map<String, List<String>> mapping, List<FormDef> forms) {
        Element study = first(doc.getDocumentElement(), "Study");
        Map<String, Element> defs = new HashMap<>();
        for (Element e : descendants(study, ODM, "StudyEventDef")) {
            defs.put(e.getAttribute("OID"), e);
        }
        List<Element> refs = descendants(study, ODM, "StudyEventRef");
        refs.sort((a, b) -> Integer.compare(intAttr(a, "OrderNumber", 0), intAttr(b, "OrderNumber", 0)));
        Map<String, String> formByOid = new HashMap<>();
        forms.forEach(f -> formByOid.put("Form." + f.name(), f.name()));
        int id = 1;
        for (Element ref : refs) {
            Element def = defs.get(ref.getAttribute("StudyEventOID"));
            if (def == null) {
                continue;
            }
            int arm = Integer.parseInt(rc(def, "ArmNum", "1"));
            arms.putIfAbsent(arm, rc(def, "ArmName", "Arm " + arm));
            String unique = rc(def, "UniqueEventName", "");
            events.add(new EventDef(rc(def, "EventName", def.getAttribute("Name")), arm, unique, rc(def, "CustomEventLabel", ""), id++,
                    Integer.parseInt(rc(def, "DayOffset", "0")), Integer.parseInt(rc(def, "OffsetMin", "0")),
                    Integer.parseInt(rc(def, "OffsetMax", "0"))));
            List<String> mapped = new ArrayList<>();
            for (Element fr : children(def, "FormRef")) {
                String form = formByOid.get(fr.getAttribute("FormOID"));
                if (form != null) {
                    mapped.add(form);
                }
            }
            mapping.put(unique, mapped);
        }
    }

    private void readClinicalData(ProjectData project) {
        Dictionary d = project.dictionary();
        int width = d.columns().size();
        for (Element subject : descendants(doc.getDocumentElement(), ODM, "SubjectData")) {
            RecordEntry entry = project.recordOrCreate(subject.getAttribute("SubjectKey"));
            List<Element> eventData = children(subject, "StudyEventData");
            List<Element> containers = eventData.isEmpty() ? List.of(subject) : eventData;
            for (Element ev : containers) {
                String event = project.isLongitudinal() ? rc(ev, "UniqueEventName", null) : null;
                int eventInstance = intAttr(ev, "StudyEventRepeatKey", 1);
                for (Element formData : children(ev, "FormData")) {
                    String form = formData.getAttribute("FormOID").replaceFirst("^Form\\.", "");
                    int formInstance = intAttr(formData, "FormRepeatKey", 1);
                    RecordRow row;
                    if (project.isRepeatingForm(event, form)) {
                        row = entry.rowOrCreate(event, form, formInstance, width);
                    } else if (project.isRepeatingEvent(event)) {
                        row = entry.rowOrCreate(event, "", eventInstance, width);
                    } else {
                        row = entry.rowOrCreate(event, "", 0, width);
                    }
                    for (Element group : children(formData, "ItemGroupData")) {
                        readItems(project, entry, row, group, form);
                    }
                }
            }
        }
    }

    private void readItems(ProjectData project, RecordEntry entry, RecordRow row, Element group, String form) {
        Dictionary d = project.dictionary();
        for (Node n = group.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element item)) {
                continue;
            }
            String oid = item.getAttribute("ItemOID");
            if (item.getLocalName().equals("ItemDataBase64Binary")) {
                String name = rc(item, "DocName", "file");
                byte[] bytes = Base64.getMimeDecoder().decode(text(item));
                project.files().put(ProjectData.fileKey(entry.id(), row.event(), oid, row.instance()),
                        new StoredFile(name, rc(item, "MimeType", "application/octet-stream"), bytes));
                row.set(d.index(oid), name);
                continue;
            }
            String value = item.getAttribute("Value");
            if (oid.equals("redcap_data_access_group")) {
                DagDef dag = project.dag(value);
                entry.setDag(dag == null ? project.addDag(value, value).uniqueName() : dag.uniqueName());
            } else if (oid.equals("redcap_survey_identifier") || oid.endsWith("_timestamp") && d.index(oid) < 0) {
                if (oid.endsWith("_timestamp")) {
                    project.surveyForms().add(form);
                }
                row.setExtra(oid, value);
            } else if (d.index(oid) >= 0) {
                row.set(d.index(oid), value);
            }
        }
    }

    /** REDCap's unique DAG name: the label lower-cased, spaces as underscores, other characters dropped ("dag-a" → "daga"). */
    public static String uniqueName(String label) {
        return label.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_").replaceAll("[^a-z0-9_]", "");
    }

    private static String rc(Element e, String name, String fallback) {
        return e.hasAttributeNS(REDCAP, name) ? e.getAttributeNS(REDCAP, name) : fallback;
    }

    private static int intAttr(Element e, String name, int fallback) {
        String v = e.getAttribute(name);
        return v.isEmpty() ? fallback : Integer.parseInt(v);
    }

    private static String text(Element e) {
        return e == null ? "" : e.getTextContent();
    }

    private static Element first(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        List<Element> found = descendants(parent, null, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> descendants(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        var list = ns == null ? parent.getElementsByTagNameNS("*", localName) : parent.getElementsByTagNameNS(ns, localName);
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static Map<String, Element> index(Element parent, String localName) {
        Map<String, Element> out = new HashMap<>();
        for (Element e : children(parent, localName)) {
            out.put(e.getAttribute("OID"), e);
        }
        return out;
    }
}
