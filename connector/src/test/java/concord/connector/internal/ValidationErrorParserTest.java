package concord.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import concord.connector.ValidationError;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationErrorParserTest {

    @Test
    void csvRowsWithPrefixQuotesAndLineBreaks() {
        String body = "ERROR: \"1\",\"f\",\"a,b\",\"first\"\n\"2\",\"g\",\"multi\nline\",\"say \"\"no\"\"\"\n";
        assertEquals(List.of(new ValidationError("1", "f", "a,b", "first"),
                new ValidationError("2", "g", "multi\nline", "say \"no\"")), ValidationErrorParser.parse(body));
    }

    @Test
    void everyLinePrefixedAlsoWorks() {
        String body = "ERROR: \"1\",\"f\",\"x\",\"m1\"\nERROR: \"2\",\"f\",\"y\",\"m2\"";
        assertEquals(2, ValidationErrorParser.parse(body).size());
    }

    @Test
    void otherTextIsNotValidation() {
        assertEquals(List.of(), ValidationErrorParser.parse("You do not have permissions to use the API"));
        assertEquals(List.of(), ValidationErrorParser.parse("\"only\",\"three\",\"cells\""));
        assertEquals(List.of(), ValidationErrorParser.parse(""));
    }
}
