package concord.server.clbpoq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the project as CDISC ODM 1.3.1 with REDCap's extensions, in the layout of the XML that
 * REDCap's "Download metadata &amp; data (CDISC ODM XML)" produces and "Create new project → upload a
 * REDCap project XML file" accepts: GlobalVariables (settings, the repeating instrument), the
 * MetaDataVersion (FormDef, ItemGroupDef, ItemDef, CodeList) and ClinicalData with every record.
 */
final class OdmWriter {

    static final String TITLE = "CLBPOQ: Chronic Low Back Pain Outcomes Questionnaire (Concord demo)";
    static final String OID = "Project.CLBPOQConcordDemo";
    /** Fixed so that the generated file is byte-for-byte reproducible. */
    static final String AS_OF = "2024-06-07T12:00:00";

    private final ClbpoqProject project;
    private final String title;
    private final Map<String, String> instruments;
    private final StringBuilder out = new StringBuilder();

    private OdmWriter(ClbpoqProject project, String title, Map<String, String> instruments) {
        this.project = project;
        this.title = title;
        this.instruments = instruments;
    }

    static String write(ClbpoqProject project) {
        return write(project, TITLE, ClbpoqDictionary.INSTRUMENTS);
    }

    /** The project under another title and instrument labels (the Chinese variant). */
    static String write(ClbpoqProject project, String title, Map<String, String> instruments) {
        return new OdmWriter(project, title, instruments).document();
    }

    /** One ItemGroupDef: a run of fields shown together (REDCap starts one at every section header). */
    record ItemGroup(String oid, String name, List<DictionaryField> fields) {
    }

    private String document() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n");
        out.append("<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:redcap=\"https://projectredcap.org\""
                + " xsi:schemaLocation=\"http://www.cdisc.org/ns/odm/v1.3 schema/odm/ODM1-3-1.xsd\" ODMVersion=\"1.3.1\""
                + " FileOID=\"000-00-0000\" FileType=\"Snapshot\" Description=\"" + esc(title) + "\" AsOfDateTime=\""
                + AS_OF + "\" CreationDateTime=\"" + AS_OF + "\" SourceSystem=\"REDCap\" SourceSystemVersion=\"14.7.3\">\n");
        out.append("<Study OID=\"").append(OID).append("\">\n");
        globalVariables();
        metaData();
        out.append("</Study>\n");
        clinicalData();
        out.append("</ODM>\n");
        return out.toString();
    }

    private void globalVariables() {
        out.append("<GlobalVariables>\n");
        out.append("\t<StudyName>").append(esc(title)).append("</StudyName>\n");
        out.append("\t<StudyDescription>This file contains the metadata, events, and data for REDCap project \"")
                .append(esc(title)).append("\".</StudyDescription>\n");
        out.append("\t<ProtocolName>").append(esc(title)).append("</ProtocolName>\n");
        String[][] settings = {{"RecordAutonumberingEnabled", "1"}, {"CustomRecordLabel", ""},
                {"SecondaryUniqueField", ""}, {"SecondaryUniqueFieldDisplayValue", "1"},
                {"SecondaryUniqueFieldDisplayLabel", "1"}, {"SchedulingEnabled", "0"}, {"SurveysEnabled", "0"},
                {"SurveyInvitationEmailField", ""}, {"RandomizationEnabled", "0"}, {"DisplayTodayNowButton", "1"},
                {"PreventBranchingEraseValues", "0"}, {"RequireChangeReason", "0"}, {"DataHistoryPopup", "1"},
                {"OrderRecordsByField", ""}, {"taskCompleteStatus", "0"}, {"MyCapEnabled", "0"}, {"Purpose", "2"},
                {"PurposeOther", ""},
                {"ProjectNotes", "Demo data reconstructed by Concord from Table 1 of Li, Zhang et al. (CLBP outcomes"
                        + " study); not real participants."},
                {"MissingDataCodes", ""}, {"ProtectedEmailMode", "0"}, {"ProtectedEmailModeCustomText", ""},
                {"ProtectedEmailModeTrigger", "ALL"}, {"ProtectedEmailModeLogo", ""}};
        for (String[] s : settings) {
            out.append("\t<redcap:").append(s[0]).append('>').append(esc(s[1])).append("</redcap:").append(s[0]).append(">\n");
        }
        out.append("\t<redcap:RepeatingInstrumentsAndEvents>\n\t\t<redcap:RepeatingInstruments>\n");
        for (Map.Entry<String, String> repeating : ClbpoqDictionary.REPEATING.entrySet()) {
            out.append("\t\t\t<redcap:RepeatingInstrument redcap:UniqueEventName=\"event_1_arm_1\" redcap:RepeatInstrument=\"")
                    .append(repeating.getKey()).append("\" redcap:CustomLabel=\"")
                    .append(esc(repeating.getValue())).append("\"/>\n");
        }
        out.append("\t\t</redcap:RepeatingInstruments>\n\t</redcap:RepeatingInstrumentsAndEvents>\n");
        out.append("</GlobalVariables>\n");
    }

    private void metaData() {
        out.append("<MetaDataVersion OID=\"Metadata.CLBPOQConcordDemo_2024-06-07_1200\" Name=\"").append(esc(title))
                .append("\" redcap:RecordIdField=\"record_id\">\n");
        Map<String, List<DictionaryField>> forms = project.forms();
        for (String form : forms.keySet()) {
            out.append("\t<FormDef OID=\"Form.").append(form).append("\" Name=\"")
                    .append(esc(instruments.get(form))).append("\" Repeating=\"No\" redcap:FormName=\"")
                    .append(form).append("\">\n");
            for (ItemGroup g : itemGroups(form, forms.get(form), instruments)) {
                out.append("\t\t<ItemGroupRef ItemGroupOID=\"").append(g.oid()).append("\" Mandatory=\"No\"/>\n");
            }
            out.append("\t</FormDef>\n");
        }
        for (String form : forms.keySet()) {
            for (ItemGroup g : itemGroups(form, forms.get(form), instruments)) {
                out.append("\t<ItemGroupDef OID=\"").append(g.oid()).append("\" Name=\"").append(esc(g.name()))
                        .append("\" Repeating=\"No\">\n");
                for (DictionaryField f : g.fields()) {
                    for (String item : items(f)) {
                        out.append("\t\t<ItemRef ItemOID=\"").append(item).append("\" Mandatory=\"")
                                .append(f.required().equals("y") ? "Yes" : "No").append("\" redcap:Variable=\"")
                                .append(f.fieldName()).append("\"/>\n");
                    }
                }
                out.append("\t</ItemGroupDef>\n");
            }
        }
        for (String form : forms.keySet()) {
            for (DictionaryField f : forms.get(form)) {
                itemDefs(f);
            }
            itemDefs(complete(form));
        }
        for (String form : forms.keySet()) {
            for (DictionaryField f : forms.get(form)) {
                codeLists(f);
            }
            codeLists(complete(form));
        }
        out.append("</MetaDataVersion>\n");
    }

    /** REDCap's form status field, present in every instrument's ODM but not in the dictionary. */
    static DictionaryField complete(String form) {
        return DictionaryField.of(form + "_complete", form, "select", "Complete?").header("Form Status")
                .choices("0, Incomplete | 1, Unverified | 2, Complete");
    }

    static List<ItemGroup> itemGroups(String form, List<DictionaryField> fields) {
        return itemGroups(form, fields, ClbpoqDictionary.INSTRUMENTS);
    }

    static List<ItemGroup> itemGroups(String form, List<DictionaryField> fields, Map<String, String> instruments) {
        String label = instruments.get(form);
        List<ItemGroup> groups = new ArrayList<>();
        List<DictionaryField> current = null;
        boolean afterHeader = false;
        for (DictionaryField f : fields) {
            boolean ownGroup = !f.sectionHeader().isEmpty() || !f.matrixGroupName().isEmpty();
            if (current == null || ownGroup || afterHeader) {
                String name = !f.sectionHeader().isEmpty() ? f.sectionHeader()
                        : !f.matrixGroupName().isEmpty() ? "" : label;
                current = new ArrayList<>();
                groups.add(new ItemGroup(form + "." + items(f).get(0), name, current));
            }
            current.add(f);
            afterHeader = ownGroup;
        }
        groups.add(new ItemGroup(form + "." + form + "_complete", "Form Status", List.of(complete(form))));
        return groups;
    }

    /** ODM items of a field: checkboxes have one per choice, named like their export columns. */
    static List<String> items(DictionaryField f) {
        return f.fieldType().equals("descriptive") ? List.of(f.fieldName()) : f.exportColumns();
    }

    private void itemDefs(DictionaryField f) {
        for (String item : items(f)) {
            boolean checkbox = f.fieldType().equals("checkbox");
            String[] type = dataType(f);
            out.append("\t<ItemDef OID=\"").append(item).append("\" Name=\"").append(item).append("\" DataType=\"")
                    .append(checkbox ? "boolean" : type[0]).append("\" Length=\"").append(checkbox ? "1" : type[1])
                    .append("\" redcap:Variable=\"").append(f.fieldName()).append('"');
            out.append(" redcap:FieldType=\"").append(type[2]).append('"');
            attr("TextValidationType", type[3]);
            attr("FieldNote", f.fieldNote());
            attr("SectionHeader", f.sectionHeader());
            attr("Identifier", f.identifier());
            attr("BranchingLogic", f.branchingLogic());
            attr("RequiredField", f.required());
            attr("CustomAlignment", f.customAlignment());
            attr("MatrixGroupName", f.matrixGroupName());
            attr("FieldAnnotation", f.annotation());
            out.append(">\n\t\t<Question><TranslatedText>").append(esc(f.fieldLabel())).append("</TranslatedText></Question>\n");
            if (!f.choiceMap().isEmpty() || f.fieldType().equals("select")) {
                out.append("\t\t<CodeListRef CodeListOID=\"").append(item).append(".choices\"/>\n");
            }
            rangeChecks(f);
            out.append("\t</ItemDef>\n");
        }
    }

    /** {DataType, Length, redcap:FieldType, redcap:TextValidationType} as REDCap writes them. */
    private static String[] dataType(DictionaryField f) {
        return switch (f.fieldType()) {
            case "radio", "dropdown", "select" -> new String[] {"text", Integer.toString(maxCodeLength(f)),
                    f.fieldType().equals("radio") ? "radio" : "select", ""};
            case "notes" -> new String[] {"text", "999", "textarea", ""};
            case "text" -> switch (f.validation()) {
                case "integer" -> new String[] {"integer", "999", "text", "int"};
                case "number" -> new String[] {"float", "999", "text", "float"};
                case "number_1dp", "number_2dp" -> new String[] {"float", "999", "text", f.validation()};
                case "datetime_seconds_ymd" -> new String[] {"datetime", "999", "text", f.validation()};
                case "datetime_ymd" -> new String[] {"partialDatetime", "999", "text", f.validation()};
                case "" -> new String[] {"text", "999", "text", ""};
                default -> throw new IllegalArgumentException("No ODM mapping for validation " + f.validation()
                        + " of field " + f.fieldName());
            };
            default -> new String[] {"text", "999", f.fieldType(), ""};
        };
    }

    private static int maxCodeLength(DictionaryField f) {
        return f.choiceMap().keySet().stream().mapToInt(String::length).max().orElse(1);
    }

    private void rangeChecks(DictionaryField f) {
        if (f.validationMin().isEmpty() || f.validationMax().isEmpty()) {
            return;
        }
        String message = "The value you provided is outside the suggested range (" + f.validationMin() + " - "
                + f.validationMax() + "). This value is admissible, but you may wish to double check it.";
        for (String[] check : new String[][] {{"GE", f.validationMin()}, {"LE", f.validationMax()}}) {
            out.append("\t\t<RangeCheck Comparator=\"").append(check[0]).append("\" SoftHard=\"Soft\">\n")
                    .append("\t\t\t<CheckValue>").append(esc(check[1])).append("</CheckValue>\n")
                    .append("\t\t\t<ErrorMessage><TranslatedText>").append(esc(message))
                    .append("</TranslatedText></ErrorMessage>\n\t\t</RangeCheck>\n");
        }
    }

    private void codeLists(DictionaryField f) {
        Map<String, String> choices = f.choiceMap();
        if (f.fieldType().equals("select")) {
            choices = new java.util.LinkedHashMap<>();
            for (String part : f.choices().split("\\|")) {
                int comma = part.indexOf(',');
                choices.put(part.substring(0, comma).trim(), part.substring(comma + 1).trim());
            }
        }
        if (choices.isEmpty()) {
            return;
        }
        if (f.fieldType().equals("checkbox")) {
            String all = String.join("|", choices.entrySet().stream().map(e -> e.getKey() + ", " + e.getValue()).toList());
            for (String item : items(f)) {
                out.append("\t<CodeList OID=\"").append(item).append(".choices\" Name=\"").append(item)
                        .append("\" DataType=\"boolean\" redcap:Variable=\"").append(f.fieldName())
                        .append("\" redcap:CheckboxChoices=\"").append(esc(all)).append("\">\n");
                codeListItem("1", "Checked");
                codeListItem("0", "Unchecked");
                out.append("\t</CodeList>\n");
            }
            return;
        }
        out.append("\t<CodeList OID=\"").append(f.fieldName()).append(".choices\" Name=\"").append(f.fieldName())
                .append("\" DataType=\"text\" redcap:Variable=\"").append(f.fieldName()).append("\">\n");
        choices.forEach(this::codeListItem);
        out.append("\t</CodeList>\n");
    }

    private void codeListItem(String code, String label) {
        out.append("\t\t<CodeListItem CodedValue=\"").append(esc(code)).append("\"><Decode><TranslatedText>")
                .append(esc(label)).append("</TranslatedText></Decode></CodeListItem>\n");
    }

    private void clinicalData() {
        out.append("<ClinicalData StudyOID=\"").append(OID)
                .append("\" MetaDataVersionOID=\"Metadata.CLBPOQConcordDemo_2024-06-07_1200\">\n");
        Map<String, List<DictionaryField>> forms = project.forms();
        for (Map<String, String> record : project.records()) {
            out.append("\t<SubjectData SubjectKey=\"").append(esc(record.get("record_id")))
                    .append("\" redcap:RecordIdField=\"record_id\">\n");
            for (String form : forms.keySet()) {
                if (record.getOrDefault(form + "_complete", "").isEmpty()) {
                    continue;   // never-saved instruments have no FormData
                }
                formData(form, forms.get(form), record, "1");
            }
            for (Map<String, String> instance : project.qualitativeOf(record.get("record_id"))) {
                formData(ClbpoqDictionary.QUALITATIVE_DATA, forms.get(ClbpoqDictionary.QUALITATIVE_DATA), instance,
                        instance.get("redcap_repeat_instance"));
            }
            out.append("\t</SubjectData>\n");
        }
        out.append("</ClinicalData>\n");
    }

    /** A form's saved values as REDCap writes them: FormRepeatKey 1, or the instance of a repeating instrument. */
    private void formData(String form, List<DictionaryField> fields, Map<String, String> instance, String repeatKey) {
        out.append("\t\t\t<FormData FormOID=\"Form.").append(form).append("\" FormRepeatKey=\"")
                .append(esc(repeatKey)).append("\">\n");
        for (ItemGroup g : itemGroups(form, fields, instruments)) {
            List<String[]> values = new ArrayList<>();
            for (DictionaryField f : g.fields()) {
                for (String item : f.exportColumns()) {
                    String v = instance.getOrDefault(item, "");
                    if (!v.isEmpty()) {
                        values.add(new String[] {item, v});
                    }
                }
            }
            if (values.isEmpty()) {
                continue;
            }
            out.append("\t\t\t\t<ItemGroupData ItemGroupOID=\"").append(g.oid()).append("\" ItemGroupRepeatKey=\"1\">\n");
            for (String[] v : values) {
                out.append("\t\t\t\t\t<ItemData ItemOID=\"").append(v[0]).append("\" Value=\"").append(esc(v[1])).append("\"/>\n");
            }
            out.append("\t\t\t\t</ItemGroupData>\n");
        }
        out.append("\t\t\t</FormData>\n");
    }

    private void attr(String name, String value) {
        if (!value.isEmpty()) {
            out.append(" redcap:").append(name).append("=\"").append(esc(value)).append('"');
        }
    }

    /** PHP htmlspecialchars with ENT_QUOTES, as REDCap escapes its XML. */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#039;");
    }
}
