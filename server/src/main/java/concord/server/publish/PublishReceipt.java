package concord.server.publish;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Where a run's results went.
 *
 * @param folder        File Repository folder name
 * @param folderId      its folder_id
 * @param files         uploaded file names
 * @param resultsRecord record that received the results instrument (null: none)
 * @param pdfField      file-upload field that received the PDF (null: none)
 */
public record PublishReceipt(String folder, long folderId, List<String> files, @Nullable String resultsRecord,
                             @Nullable String pdfField) {

    public PublishReceipt {
        files = List.copyOf(files);
    }

    /** One line for the run table. */
    public String describe() {
        StringBuilder s = new StringBuilder("File Repository folder '").append(folder).append("' (folder_id ")
                .append(folderId).append("): ").append(String.join(", ", files));
        if (resultsRecord != null) {
            s.append("; results record ").append(resultsRecord);
        }
        if (pdfField != null) {
            s.append("; PDF in field ").append(pdfField);
        }
        return s.toString();
    }
}
