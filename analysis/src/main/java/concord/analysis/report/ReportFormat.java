package concord.analysis.report;

/** The file formats a study result renders to. */
public enum ReportFormat {
    HTML("text/html; charset=utf-8", "html"),
    PDF("application/pdf", "pdf"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    CSV("text/csv; charset=utf-8", "csv"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    JSON("application/json", "json");

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The Content-Type to serve or upload the file with. */
    public String mediaType() {
        return mediaType;
    }

    /** File name extension without the dot. */
    public String extension() {
        return extension;
    }
}
