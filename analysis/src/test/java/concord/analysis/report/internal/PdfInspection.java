package concord.analysis.report.internal;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Test helper: lists fonts in a PDF by whether their font program is embedded. */
public final class PdfInspection {

    private PdfInspection() {
    }

    public static List<String> embeddedFontNames(PdfReader reader) {
        return fonts(reader, true);
    }

    public static List<String> unembeddedFontNames(PdfReader reader) {
        return fonts(reader, false);
    }

    private static List<String> fonts(PdfReader reader, boolean embedded) {
        TreeSet<String> names = new TreeSet<>();
        for (int i = 1; i < reader.getXrefSize(); i++) {
            PdfObject object = reader.getPdfObjectRelease(i);
            if (object == null || !object.isDictionary()) {
                continue;
            }
            PdfDictionary dict = (PdfDictionary) object;
            if (!PdfName.FONTDESCRIPTOR.equals(dict.get(PdfName.TYPE))) {
                continue;
            }
            boolean hasProgram = dict.contains(PdfName.FONTFILE) || dict.contains(PdfName.FONTFILE2) || dict.contains(PdfName.FONTFILE3);
            if (hasProgram == embedded) {
                names.add(String.valueOf(dict.get(PdfName.FONTNAME)));
            }
        }
        return new ArrayList<>(names);
    }
}
