package concord.analysis.report.internal;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * Makes a PDF depend only on its content. OpenPDF stamps the wall clock into CreationDate and
 * ModDate and a time-and-memory based file identifier into the trailer; both are replaced here by
 * the result's timestamp and an identifier derived from the report's identity.
 */
public final class PdfMetadata {

    private PdfMetadata() {
    }

    /** Call after {@code PdfWriter.getInstance} and before {@code document.open()}. */
    public static void apply(Document document, PdfWriter writer, Instant timestamp, String title, String identity) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(timestamp.toEpochMilli());
        PdfDate date = new PdfDate(calendar);
        document.addTitle(title);
        document.addCreator("Concord");
        // Document.addCreationDate is ignored once OpenPDF has stamped its own; write the Info entries.
        writer.getInfo().put(PdfName.CREATIONDATE, date);
        writer.getInfo().put(PdfName.MODDATE, date);
        byte[] id = Arrays.copyOf(sha256(identity), 16);
        // PdfWriter.close() takes the trailer /ID from this Info entry when present.
        writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
