package concord.connector.sandbox.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One API request exactly as a client library puts it on the wire: the parameters in the client's order, its array
 * style ({@code records[0]=}, {@code records[1]=}, a comma list…), and its body encoding. A file part sits where the
 * client puts it among the other parts (REDCapR sends {@code returnFormat} after the file).
 */
final class ClientCall {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the client encodes the body. */
    enum Wire {
        /** {@code application/x-www-form-urlencoded}, spaces as {@code +}: Python requests, PHP {@code http_build_query}. */
        FORM_PLUS,
        /** {@code application/x-www-form-urlencoded}, spaces as {@code %20}: R httr {@code encode = "form"} (libcurl escaping). */
        FORM_PERCENT,
        /** {@code multipart/form-data}: R curl {@code handle_setform} (redcapAPI, every call), file uploads of every client. */
        MULTIPART
    }

    private record Part(String name, String value, String fileName, String mime, byte[] content) {
    }

    private final Wire wire;
    private final List<Part> parts = new ArrayList<>();
    private final List<String[]> headers = new ArrayList<>();

    private ClientCall(Wire wire) {
        this.wire = wire;
    }

    static ClientCall of(Wire wire, String... pairs) {
        ClientCall c = new ClientCall(wire);
        for (int i = 0; i < pairs.length; i += 2) {
            c.param(pairs[i], pairs[i + 1]);
        }
        return c;
    }

    ClientCall param(String name, String value) {
        parts.add(new Part(name, value, null, null, null));
        return this;
    }

    /** Several parameters, as name/value pairs. */
    ClientCall params(String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            param(pairs[i], pairs[i + 1]);
        }
        return this;
    }

    /** A file part named {@code name} at this position (multipart only). */
    ClientCall file(String name, String fileName, String mime, byte[] content) {
        if (wire != Wire.MULTIPART) {
            throw new IllegalStateException("a file needs a multipart body");
        }
        parts.add(new Part(name, null, fileName, mime, content));
        return this;
    }

    ClientCall header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    Answer send(URI api) {
        HttpRequest.Builder b = HttpRequest.newBuilder(api);
        headers.forEach(h -> b.header(h[0], h[1]));
        if (wire == Wire.MULTIPART) {
            String boundary = "------------------------" + Long.toHexString(System.nanoTime());
            b.header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary)));
        } else {
            b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form()));
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String form() {
        List<String> pairs = new ArrayList<>();
        for (Part p : parts) {
            pairs.add(encode(p.name()) + "=" + encode(p.value()));
        }
        return String.join("&", pairs);
    }

    private String encode(String s) {
        String e = URLEncoder.encode(s, StandardCharsets.UTF_8);
        return wire == Wire.FORM_PERCENT ? e.replace("+", "%20") : e;
    }

    private byte[] multipart(String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Part p : parts) {
                out.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
                if (p.content() == null) {
                    out.write(("Content-Disposition: form-data; name=\"" + p.name() + "\"\r\n\r\n" + p.value() + "\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(("Content-Disposition: form-data; name=\"" + p.name() + "\"; filename=\"" + p.fileName() + "\"\r\n"
                            + "Content-Type: " + p.mime() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                    out.write(p.content());
                    out.write("\r\n".getBytes(StandardCharsets.UTF_8));
                }
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** The sandbox's answer. */
    record Answer(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + ", " + contentType + "): " + text(), e);
            }
        }

        /** The CSV answer's rows as maps, header first (REDCap's CSV: RFC 4180). */
        List<java.util.Map<String, String>> csv() {
            return Csv.rows(text());
        }

        @Override
        public String toString() {
            return status + " " + contentType + ": " + text();
        }
    }
}
