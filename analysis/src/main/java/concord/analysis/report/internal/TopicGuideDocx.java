package concord.analysis.report.internal;

import concord.analysis.report.ReportContext;
import concord.analysis.report.TopicGuide;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/**
 * The topic guide as a Word document through {@link DocxDocument} (the report's styles, fonts on every
 * run, deterministic package): numbered opening questions, then per domain a Word table of number,
 * question and figures with a repeated header row.
 */
public final class TopicGuideDocx {

    private static final int[] WIDTHS = {600, 6200, 3400};

    private TopicGuideDocx() {
    }

    public static void write(TopicGuide guide, ReportContext context, OutputStream out) throws IOException {
        try (DocxDocument doc = DocxDocument.create(guide.title(), false, guide.title())) {
            doc.title(guide.title());
            context.generatedAt().ifPresent(at -> doc.paragraph("Meta", "Generated " + DateTimeFormatter.ISO_INSTANT.format(at)));
            for (Map.Entry<String, String> line : context.provenance().entrySet()) {
                doc.paragraph("Meta", line.getKey() + ": " + line.getValue());
            }
            doc.paragraph("Normal", guide.intro());
            doc.paragraph("Meta", guide.method());
            TopicGuide.Labels labels = guide.labels();
            doc.heading(1, labels.openingHeading());
            if (guide.opening().isEmpty()) {
                doc.paragraph("Normal", labels.openingNone());
            }
            int n = 0;
            for (TopicGuide.Question q : guide.opening()) {
                XWPFParagraph paragraph = doc.paragraph("Normal");
                DocxDocument.text(paragraph.createRun(), (++n) + ". ");
                phrase(paragraph, q.text());
            }
            doc.heading(1, labels.differencesHeading());
            if (guide.sections().isEmpty()) {
                doc.paragraph("Normal", labels.differencesNone());
            }
            int number = 0;
            for (TopicGuide.Section section : guide.sections()) {
                doc.paragraph("Heading2", section.heading()).setKeepNext(true);
                DocxTable table = doc.table(DocxTable.scaled(WIDTHS, doc.textWidth()));
                DocxTable.Row header = table.header();
                header.cell(labels.number());
                header.cell(labels.question());
                header.cell(labels.figures());
                for (TopicGuide.Question q : section.questions()) {
                    DocxTable.Row row = table.row();
                    row.cell(Integer.toString(++number)).right();
                    phrase(row.cell("").left().paragraph(), q.text());
                    List<String> figures = q.figures();
                    DocxTable.Cell cell = row.cell(figures.isEmpty() ? "" : figures.get(0)).left();
                    for (int i = 1; i < figures.size(); i++) {
                        cell.addParagraph("TableText", figures.get(i));
                    }
                }
            }
            doc.write(out, context.metadataTimestamp());
        }
    }

    /** The phrase's spans as runs; emphasised spans in italics. */
    private static void phrase(XWPFParagraph paragraph, TopicGuide.Phrase phrase) {
        for (TopicGuide.Span span : phrase.spans()) {
            DocxDocument.text(paragraph.createRun(), span.text()).setItalic(span.emphasis());
        }
    }
}
