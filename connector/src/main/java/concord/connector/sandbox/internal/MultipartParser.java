package concord.connector.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a {@code multipart/form-data} body into {@link Params}: text parts as values, file parts as files. */
public final class MultipartParser {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"?)([^\";]+)\\1");
    private static final Pattern NAME = Pattern.compile("(?i)\\bname=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i)\\bfilename=\"([^\"]*)\"");

    private MultipartParser() {
    }

    public static Params parse(String contentType, byte[] body) {
        Matcher bm = BOUNDARY.matcher(contentType);
        if (!bm.find()) {
            throw ApiException.badRequest("The multipart request has no boundary in its Content-Type header.");
        }
        byte[] delimiter = ("--" + bm.group(2)).getBytes(StandardCharsets.ISO_8859_1);
        Params params = new Params();
        int pos = indexOf(body, delimiter, 0);
        while (pos >= 0) {
            int partStart = pos + delimiter.length;
            if (partStart + 1 < body.length && body[partStart] == '-' && body[partStart + 1] == '-') {
                break;
            }
            partStart = skipLineBreak(body, partStart);
            int next = indexOf(body, delimiter, partStart);
            if (next < 0) {
                break;
            }
            int partEnd = next;
            if (partEnd >= 2 && body[partEnd - 2] == '\r' && body[partEnd - 1] == '\n') {
                partEnd -= 2;
            } else if (partEnd >= 1 && body[partEnd - 1] == '\n') {
                partEnd -= 1;
            }
            readPart(params, Arrays.copyOfRange(body, partStart, Math.max(partStart, partEnd)));
            pos = next;
        }
        return params;
    }

    private static void readPart(Params params, byte[] part) {
        byte[] sep = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int split = indexOf(part, sep, 0);
        int bodyStart = split + 4;
        if (split < 0) {
            split = indexOf(part, "\n\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            bodyStart = split + 2;
        }
        if (split < 0) {
            return;
        }
        String headers = new String(part, 0, split, StandardCharsets.UTF_8);
        byte[] content = Arrays.copyOfRange(part, bodyStart, part.length);
        String name = null;
        String filename = null;
        String type = "application/octet-stream";
        for (String line : headers.split("\r?\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-disposition:")) {
                Matcher n = NAME.matcher(line);
                name = n.find() ? n.group(1) : null;
                Matcher f = FILENAME.matcher(line);
                filename = f.find() ? f.group(1) : null;
            } else if (lower.startsWith("content-type:")) {
                type = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        if (name == null) {
            return;
        }
        if (filename != null) {
            params.addFile(name, new StoredFile(filename, type, content));
        } else {
            params.add(name, new String(content, StandardCharsets.UTF_8));
        }
    }

    private static int skipLineBreak(byte[] b, int i) {
        if (i < b.length && b[i] == '\r') {
            i++;
        }
        if (i < b.length && b[i] == '\n') {
            i++;
        }
        return i;
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
