package concord.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.connector.RedcapAccessDeniedException;
import concord.connector.RedcapBannedException;
import concord.connector.RedcapHtmlResponseException;
import concord.connector.RedcapInvalidRequestException;
import concord.connector.RedcapServerException;
import org.junit.jupiter.api.Test;

class ErrorClassifierTest {

    private final ErrorClassifier classifier = new ErrorClassifier("https://r.example.org/api/",
            "0123456789ABCDEF0123456789ABCDEF");

    @Test
    void successesAreNotErrors() {
        assertNull(classifier.classify("op", 200, "[{\"a\":\"1\"}]", null));
        assertNull(classifier.classify("op", 200, "14.5.3", null));
        assertNull(classifier.classify("op", 200, "", null));
        assertNull(classifier.classify("op", 200, "{\"count\": 3}", null));
    }

    @Test
    void threeErrorShapes() {
        assertEquals("x", ErrorClassifier.errorMessage("{\"error\":\"x\"}"));
        assertEquals("x y", ErrorClassifier.errorMessage("ERROR: x y"));
        assertEquals("a < b", ErrorClassifier.errorMessage("<?xml version=\"1.0\" encoding=\"UTF-8\" ?><hash><error>a &lt; b</error></hash>"));
        assertNull(ErrorClassifier.errorMessage("[]"));
    }

    @Test
    void statusesMapToTheirExceptions() {
        assertInstanceOf(RedcapAccessDeniedException.class, classifier.classify("op", 401, "", null));
        assertInstanceOf(RedcapInvalidRequestException.class, classifier.classify("op", 404, "ERROR: nope", null));
        assertInstanceOf(RedcapServerException.class, classifier.classify("op", 504, "", null));
        assertInstanceOf(RedcapHtmlResponseException.class,
                classifier.classify("op", 404, "<html><head><title>Not Found</title></head></html>", null));
        assertInstanceOf(RedcapBannedException.class, classifier.classify("op", 200,
                "Your IP HAS BEEN BANNED DUE TO SUSPECTED ABUSE", null));
    }

    @Test
    void messagesSayWhatToDo() {
        var e = classifier.classify("exporting records", 403,
                "{\"error\":\"You do not have permissions to use the API\"}", null);
        assertTrue(e.getMessage().contains("exporting records"), e.getMessage());
        assertTrue(e.getMessage().contains("\"You do not have permissions to use the API\""), e.getMessage());
        assertTrue(e.getMessage().contains("User Rights"), e.getMessage());
    }

    @Test
    void xmlDocumentsThatAreNotHtmlAreNotHtml() {
        assertTrue(!ErrorClassifier.looksLikeHtml("<?xml version=\"1.0\"?><records></records>"));
        assertTrue(ErrorClassifier.looksLikeHtml("<!DOCTYPE html><p>x</p>"));
    }
}
