package concord.analysis.report;

import concord.analysis.GroupSummary;
import concord.analysis.OutcomeResult;
import concord.analysis.StudyResult;
import concord.analysis.internal.Messages;
import concord.analysis.report.internal.ChartFonts;
import concord.analysis.report.internal.DocxDocument;
import concord.analysis.report.internal.DocxFigures;
import concord.analysis.report.internal.DocxTable1;
import concord.analysis.report.internal.DocxTables;
import concord.analysis.report.internal.FontChoice;
import concord.analysis.report.internal.FontSource;
import concord.analysis.report.internal.JointDisplayText;
import concord.analysis.report.internal.ReportWords;
import concord.analysis.report.internal.ResultView;
import concord.analysis.report.internal.RoundsTables;
import concord.analysis.report.internal.RoundsView;
import concord.analysis.report.internal.Summary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report as a Word document (DOCX, Office Open XML), for research offices that send their
 * tables to journals in Word: the same sections as the HTML and PDF reports, with Table 1, the
 * participant characteristics and the smaller tables as real Word tables (repeated header rows, the
 * {@code ConcordTable} style, numbers right-aligned), the tests used as Word footnotes, and the
 * charts as PNG figures drawn with the fonts the PDF embeds (a character no font has fails the
 * rendering, as in the PDF). Text names a Latin and an East-Asian font on every run, so Chinese
 * labels show in Word and LibreOffice. Same result and context → same bytes.
 */
public final class DocxReportRenderer implements ReportRenderer {

    private final FontChoice fontChoice;

    private DocxReportRenderer(FontChoice fontChoice) {
        this.fontChoice = fontChoice;
    }

    public static DocxReportRenderer withDefaults() {
        return new DocxReportRenderer(FontChoice.defaults());
    }

    /** Draws the figures with this TrueType font (.ttf, or the first face of a .ttc) first; it must exist. */
    public DocxReportRenderer withFontFile(Path file) {
        return new DocxReportRenderer(fontChoice.withFontFile(file));
    }

    /** Replaces the host fonts tried after the shipped ones (the first existing CJK and Latin candidate); empty lists: none. */
    public DocxReportRenderer withSystemFonts(List<Path> cjk, List<Path> latin) {
        return new DocxReportRenderer(fontChoice.withSystemFonts(cjk, latin));
    }

    /** The fonts the figures are drawn with, in the order they are tried per character (host paths or shipped names). */
    public List<String> fonts() {
        return fontSources().stream().map(Object::toString).toList();
    }

    private List<FontSource> fontSources() {
        try {
            return fontChoice.sources();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("DOCX report: the figures are drawn as images. " + e.getMessage(), e);
        }
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.DOCX;
    }

    @Override
    public void render(StudyResult result, ReportContext context, OutputStream out) throws IOException {
        ChartFonts fonts = ChartFonts.load(fontSources());
        requireGlyphs(fonts, chartTexts(result, new ReportWords(result, Messages.forLanguage(context.language()))));
        ResultView view = new ResultView(result, Messages.forLanguage(context.language()));
        ReportWords w = view.words();
        try (DocxDocument doc = DocxDocument.create(result.title(), true, result.title(), w.text("page.prefix"), w.text("page.suffix"))) {
            doc.title(result.title());
            context.generatedAt().ifPresent(at -> doc.paragraph("Meta",
                    w.format("meta.generatedLine", "at", DateTimeFormatter.ISO_INSTANT.format(at))));
            for (Map.Entry<String, String> line : context.provenance().entrySet()) {
                doc.paragraph("Meta", w.format("label.value", "name", w.provenanceName(line.getKey()), "value", line.getValue()));
            }
            doc.heading(1, w.text("heading.summary"));
            for (String sentence : Summary.sentences(view)) {
                doc.paragraph("Normal", sentence);
            }
            DocxFigures figures = new DocxFigures(doc, view, fonts);
            DocxTables tables = new DocxTables(doc, view);
            doc.pageBreak();
            doc.heading(1, w.text("heading.figure2"));
            figures.figure2();
            if (!result.differingOutcomes().isEmpty()) {
                doc.paragraph("Caption", w.text("differing.caption"));
                tables.differing();
            }
            if (result.jointDisplay().isPresent()) {
                doc.pageBreak();
                doc.heading(1, w.text("heading.jointDisplay"));
                doc.paragraph("Caption", new JointDisplayText(view).caption());
                tables.jointDisplay();
            }
            doc.pageBreak();
            doc.heading(1, w.text("heading.consensus"));
            figures.consensusMatrix();
            doc.paragraph("Caption", w.text("consensus.caption"));
            tables.consensusMatrix();
            doc.pageBreak();
            doc.heading(1, w.text("heading.domains"));
            figures.domainSummary();
            doc.paragraph("Caption", w.text("domains.caption"));
            tables.domainSummary();
            RoundsView.of(result, w).ifPresent(rounds -> rounds(doc, tables, rounds));
            doc.pageBreak();
            doc.heading(1, w.text("heading.table1"));
            doc.paragraph("Caption", w.text("table1.caption"));
            new DocxTable1(doc, view).write();
            if (!result.participantCharacteristics().isEmpty()) {
                doc.pageBreak();
                doc.heading(1, w.text("heading.characteristics"));
                doc.paragraph("Caption", w.text("characteristics.caption"));
                tables.characteristics();
            }
            doc.pageBreak();
            doc.heading(1, w.text("heading.methods"));
            for (String line : w.methods()) {
                doc.paragraph("Normal", line);
            }
            doc.write(out, context.metadataTimestamp());
        }
    }

    /** The Delphi rounds view: the advice and rule, its tables (each with a caption), the across-round methods. */
    private static void rounds(DocxDocument doc, DocxTables tables, RoundsView rounds) {
        doc.pageBreak();
        doc.heading(1, rounds.t(RoundsView.SECTION));
        RoundsTables.paragraphs(rounds).forEach(line -> doc.paragraph("Normal", line));
        for (RoundsTables.Table table : RoundsTables.of(rounds)) {
            doc.paragraph("Caption", table.caption());
            tables.rounds(table);
        }
        rounds.methods().forEach(line -> doc.paragraph("Meta", line));
    }

    /** Every text the figures draw: outcome labels, domains, group labels, band labels. */
    private static List<String> chartTexts(StudyResult result, ReportWords w) {
        List<String> texts = new ArrayList<>();
        result.groups().stream().map(GroupSummary::label).forEach(texts::add);
        for (OutcomeResult outcome : result.outcomes()) {
            texts.add(outcome.outcome().label());
            texts.add(outcome.outcome().domain());
        }
        for (concord.analysis.Band band : concord.analysis.Band.values()) {
            texts.add(w.bandLabel(band));
        }
        return texts;
    }

    private static void requireGlyphs(ChartFonts fonts, List<String> texts) {
        for (String text : texts) {
            int missing = fonts.firstMissingCodePoint(text);
            if (missing >= 0) {
                throw new IllegalStateException("DOCX report: no font can draw '" + new String(Character.toChars(missing))
                        + "' (U+" + String.format("%04X", missing) + ") of \"" + text + "\" in the figures; fonts tried: "
                        + fonts.files() + ". Configure a font that has this character (DocxReportRenderer.withFontFile)"
                        + " or change the label in REDCap");
            }
        }
    }
}
