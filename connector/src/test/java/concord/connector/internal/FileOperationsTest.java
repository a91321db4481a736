package concord.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FileOperationsTest {

    @Test
    void fileNameInEveryQuoteStyle() {
        assertEquals("mugshot-1.jpg", FileOperations.fileName("image/jpeg; name=\"mugshot-1.jpg\""));
        assertEquals("FILE.docx", FileOperations.fileName("application/msword; name='FILE.docx';charset=UTF-8"));
        assertEquals("a b.pdf", FileOperations.fileName("application/pdf;name=a b.pdf;charset=UTF-8"));
        assertEquals("", FileOperations.fileName("application/pdf"));
        assertEquals("x.csv", FileOperations.fileName("text/csv; charset=utf-8; name=\"x.csv\""));
    }

    @Test
    void mimeTypeWithoutParameters() {
        assertEquals("application/pdf", FileOperations.mimeType("Application/PDF; name=\"a.pdf\""));
    }
}
