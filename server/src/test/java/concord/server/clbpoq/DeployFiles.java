package concord.server.clbpoq;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the committed deploy/redcap files with general-purpose parsers (Jackson CSV, the JDK's DOM). */
final class DeployFiles {

    private DeployFiles() {
    }

    static String text(String name) throws Exception {
        return Files.readString(ClbpoqGenerator.deployDirectory().resolve(name), StandardCharsets.UTF_8);
    }

    /** All rows including the header, as lists of cells. */
    static List<List<String>> csvRows(String name) throws Exception {
        CsvMapper mapper = new CsvMapper();
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text(name))) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return rows;
    }

    /** Data rows keyed by the header. */
    static List<Map<String, String>> csvRecords(String name) throws Exception {
        List<List<String>> rows = csvRows(name);
        List<String> header = rows.get(0);
        List<Map<String, String>> records = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> r = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                r.put(header.get(i), i < row.size() ? row.get(i) : "");
            }
            records.add(r);
        }
        return records;
    }

    static Document odm(String name) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Path file = ClbpoqGenerator.deployDirectory().resolve(name);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(file)));
    }
}
