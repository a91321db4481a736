package concord.server.clbpoq;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One instrument as REDCap's Online Designer imports it ("Upload instrument ZIP"): {@code instrument.csv}
 * (the instrument's data-dictionary rows) and {@code OriginID.txt}. Entries are stored uncompressed with
 * a fixed time so that the bytes are the same on every build and JDK.
 */
final class InstrumentZip {

    /** A fixed local date-time (no time zone involved), so the bytes do not depend on when or where they are built. */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2024, 6, 7, 12, 0);

    private InstrumentZip() {
    }

    static byte[] write(List<DictionaryField> fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "instrument.csv", RedcapCsv.dictionary(fields));
            entry(zip, "OriginID.txt", "Concord");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(data);
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        e.setCrc(crc.getValue());
        e.setTimeLocal(FIXED_TIME);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }
}
