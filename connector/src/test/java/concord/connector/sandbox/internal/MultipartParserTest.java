package concord.connector.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartParserTest {
    @Test
    void textPartsAndBinaryFilePart() throws Exception {
        byte[] binary = {0, (byte) 0xFF, '\r', '\n', '-', '-', 'x'};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--BOUND\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\nABC\r\n"
                + "--BOUND\r\nContent-Disposition: form-data; name=\"fields[0]\"\r\n\r\nü\r\n"
                + "--BOUND\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.bin\"\r\nContent-Type: application/x-test\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(binary);
        body.write("\r\n--BOUND--\r\n".getBytes(StandardCharsets.UTF_8));
        Params p = MultipartParser.parse("multipart/form-data; boundary=\"BOUND\"", body.toByteArray());
        assertEquals("ABC", p.get("token"));
        assertEquals("ü", p.list("fields").get(0));
        StoredFile f = p.file("file");
        assertEquals("r.bin", f.name());
        assertEquals("application/x-test", f.mimeType());
        assertArrayEquals(binary, f.content());
    }

    @Test
    void missingBoundaryIsA400() {
        ApiException e = assertThrows(ApiException.class, () -> MultipartParser.parse("multipart/form-data", new byte[0]));
        assertEquals(400, e.status());
    }
}
